namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>Why the load of one case ended; recorded in every figure's info.</summary>
public enum S3StopReason
{
    Duration,
    OperationLimit,
    Settled,
    NoObjectsLeft,
    EndpointFailed,
    Cancelled,
}

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>How a request failed, in the kinds users look for (warp, elbencho): timeouts, 4xx, 5xx, wrong data.</summary>
public enum RequestError
{
    None,

    /// <summary>No answer within the request timeout.</summary>
    Timeout,

    /// <summary>The connection could not be made or broke (refused, reset, DNS).</summary>
    Connection,

    /// <summary>An HTTP 4xx answer (403 bad credentials, 404 missing key, ...).</summary>
    ClientError,

    /// <summary>An HTTP 5xx answer.</summary>
    ServerError,

    /// <summary>The data read back differs from what was written (payload, length, listing).</summary>
    Checksum,

    /// <summary>Anything else the SDK raised.</summary>
    Other,
}

public static class RequestErrorNames
{
    public static string Name(this RequestError error) => error switch
    {
        RequestError.None => "none",
        RequestError.Timeout => "timeout",
        RequestError.Connection => "connection",
        RequestError.ClientError => "4xx",
        RequestError.ServerError => "5xx",
        RequestError.Checksum => "checksum",
        _ => "other",
    };
}

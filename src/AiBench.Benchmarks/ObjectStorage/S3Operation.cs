namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>One kind of S3 request as the benchmark counts it (a multipart upload of one object is one operation).</summary>
public enum S3Operation
{
    Put,
    Get,
    MultipartPut,

    /// <summary>A whole object read as ranged GETs of part-size, part-concurrency in flight (as the AWS CLI, s5cmd and mountpoint-s3 download).</summary>
    MultipartGet,
    Head,
    List,
    Delete,
}

public static class S3OperationNames
{
    /// <summary>The parameter and label spelling: <c>put</c>, <c>get</c>, <c>multipart-put</c>, ...</summary>
    public static string Name(this S3Operation operation) => operation switch
    {
        S3Operation.Put => "put",
        S3Operation.Get => "get",
        S3Operation.MultipartPut => "multipart-put",
        S3Operation.MultipartGet => "multipart-get",
        S3Operation.Head => "head",
        S3Operation.List => "list",
        S3Operation.Delete => "delete",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    public static bool TryParse(string name, out S3Operation operation)
    {
        foreach (S3Operation candidate in Enum.GetValues<S3Operation>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                operation = candidate;
                return true;
            }
        }

        operation = default;
        return false;
    }

    /// <summary>Whether the operation moves object data (so bytes/s is a figure of it).</summary>
    public static bool MovesData(this S3Operation operation) =>
        operation is S3Operation.Put or S3Operation.Get or S3Operation.MultipartPut or S3Operation.MultipartGet;

    /// <summary>Whether the operation needs objects to exist before it starts.</summary>
    public static bool NeedsObjects(this S3Operation operation) => operation.TakesAnObject() || operation is S3Operation.List;

    /// <summary>Whether each operation works on one existing object, taken from the working set (list reads the prefix instead).</summary>
    public static bool TakesAnObject(this S3Operation operation) =>
        operation is S3Operation.Get or S3Operation.MultipartGet or S3Operation.Head or S3Operation.Delete;

    /// <summary>Whether one operation is several requests, each under the request timeout of its own.</summary>
    public static bool IsMultipart(this S3Operation operation) => operation is S3Operation.MultipartPut or S3Operation.MultipartGet;

    /// <summary>Whether the operation reads object bodies back (and compares them with what was written).</summary>
    public static bool ReadsBodies(this S3Operation operation) => operation is S3Operation.Get or S3Operation.MultipartGet;
}

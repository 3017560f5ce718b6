using Amazon.Runtime.Internal.Util;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// The body of a whole-object GET without the SDK's MD5 of it: the SDK wraps the body in an <see cref="MD5Stream"/>
/// to compare with the ETag, in managed code (60% of the client's CPU time of a 64 MiB GET on the 2-core dev VM).
/// storage.s3 compares every byte with what it wrote, which catches everything the MD5 would, so it reads the HTTP
/// stream underneath. Any other stream (a ranged GET has no MD5 wrapper) is returned as it is.
/// </summary>
internal static class ResponseBody
{
    public static Stream Unhashed(Stream body) => body is MD5Stream hashed ? hashed.GetNonWrapperBaseStream() : body;
}

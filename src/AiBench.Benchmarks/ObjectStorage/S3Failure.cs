using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>Sorts an exception from the SDK into a <see cref="RequestError"/> and says it in a few words.</summary>
public static class S3Failure
{
    public static RequestError Classify(Exception e, bool timedOut)
    {
        if (timedOut)
        {
            return RequestError.Timeout;
        }

        if (e is DataMismatchException)
        {
            return RequestError.Checksum;
        }

        if (e is AmazonServiceException { StatusCode: var status } && (int)status >= 400)
        {
            return (int)status >= 500 ? RequestError.ServerError : RequestError.ClientError;
        }

        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case TimeoutException or OperationCanceledException:
                    return RequestError.Timeout;
                case HttpRequestException or SocketException or IOException:
                    return RequestError.Connection;
            }
        }

        return RequestError.Other;
    }

    /// <summary>"HTTP 403 InvalidAccessKeyId", "connection refused", "no answer within 5 s".</summary>
    public static string Describe(Exception e, bool timedOut, TimeSpan timeout)
    {
        if (timedOut || Classify(e, false) == RequestError.Timeout)
        {
            return $"no answer within {timeout.TotalSeconds:0.###} s";
        }

        if (e is DataMismatchException)
        {
            return e.Message;
        }

        if (e is AmazonServiceException { StatusCode: var status } service && (int)status >= 400)
        {
            string code = string.IsNullOrEmpty(service.ErrorCode) ? status.ToString() : service.ErrorCode;
            return $"HTTP {(int)status} {code}";
        }

        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.ConnectionReset => "connection reset",
                    SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "host not found",
                    SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
                    _ => socket.SocketErrorCode.ToString(),
                };
            }
        }

        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or IOException)
            {
                return inner.Message;
            }
        }

        return $"{e.GetType().Name}: {e.Message}";
    }

    /// <summary>Whether a failure means the credentials were refused (not a missing key or bucket).</summary>
    public static bool IsAccessDenied(Exception e) =>
        e is AmazonServiceException { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized };

    public static bool IsNoSuchBucket(Exception e) =>
        e is AmazonServiceException { ErrorCode: "NoSuchBucket" } or AmazonServiceException { StatusCode: HttpStatusCode.NotFound };
}

/// <summary>Data read back differs from what was written: payload bytes, length or listing.</summary>
public sealed class DataMismatchException(string message) : Exception(message);

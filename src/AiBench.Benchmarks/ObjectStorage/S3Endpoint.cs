using AiBench.Core.Errors;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Where the requests go and how they are addressed and checked: URL (or AWS itself), region, path-style or
/// virtual-host addressing, and whether the SDK adds its trailing checksums (many S3-compatible stores, Ceph 16
/// RGW among them, refuse them; docs/notes/ceph-rgw.md).
/// </summary>
public sealed record S3Endpoint(Uri? Url, string Region, bool PathStyle, bool ChecksumsWhenSupported)
{
    /// <summary>The standard variables, most specific first.</summary>
    public static readonly string[] EndpointVariables = ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"];

    public bool IsAws => Url is null || Url.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>For messages and results: the URL, or "AWS S3 (region)".</summary>
    public string Display => Url is null ? $"AWS S3 ({Region})" : Url.GetLeftPart(UriPartial.Authority);

    /// <param name="endpoint">URL, or "env" for AWS_ENDPOINT_URL (AWS itself when unset).</param>
    /// <param name="region">name, or "auto" for AWS_REGION / AWS_DEFAULT_REGION / us-east-1.</param>
    /// <param name="addressing">path, virtual or auto (path for a custom endpoint, virtual for AWS).</param>
    /// <param name="checksum">when-required, when-supported or auto (when-supported only for AWS).</param>
    public static S3Endpoint Resolve(string endpoint, string region, string addressing, string checksum, Func<string, string?> environment)
    {
        string? urlText = endpoint == "env"
            ? EndpointVariables.Select(environment).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            : endpoint;
        Uri? url = null;
        if (urlText is not null)
        {
            string from = endpoint == "env" ? "AWS_ENDPOINT_URL" : "parameter 'endpoint'";
            if (urlText.Contains('@', StringComparison.Ordinal))
            {
                // A URL with user:password would end up in results and messages; it is not echoed either.
                throw new BadInputException($"{from}: the S3 endpoint URL must not carry credentials; use the AWS chain or access-key + secret-key-file");
            }

            if (!Uri.TryCreate(urlText.Trim(), UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new BadInputException($"{from}: '{urlText}' is not an http:// or https:// URL");
            }
        }

        string resolvedRegion = region != "auto" ? region
            : new[] { "AWS_REGION", "AWS_DEFAULT_REGION" }.Select(environment).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "us-east-1";
        bool aws = url is null || url.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase);
        bool pathStyle = addressing switch
        {
            "path" => true,
            "virtual" => false,
            _ => !aws,
        };
        bool checksums = checksum switch
        {
            "when-supported" => true,
            "when-required" => false,
            _ => aws,
        };
        return new S3Endpoint(url, resolvedRegion, pathStyle, checksums);
    }
}

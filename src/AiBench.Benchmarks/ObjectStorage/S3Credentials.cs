using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using AiBench.Core.Errors;
using AiBench.Core.Files;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// Where the keys come from: the standard AWS chain (environment, profile, ...) or an access key given as a
/// parameter with its secret read from a file. The secret is held only inside the SDK's credentials object and
/// is never formatted: <see cref="ToString"/> and every message name the source, not the key.
/// </summary>
public sealed class S3Credentials
{
    /// <summary>A secret key is 40 characters; a file far larger is not a key file.</summary>
    private const long MaxSecretFileBytes = 64 * 1024;

    private readonly AWSCredentials _credentials;

    private S3Credentials(AWSCredentials credentials, string source, string? accessKeyId)
    {
        _credentials = credentials;
        Source = source;
        AccessKeyId = accessKeyId;
    }

    /// <summary>"environment or profile" or "access-key + secret-key-file"; safe to record.</summary>
    public string Source { get; }

    /// <summary>The access key id when given as a parameter (an identifier, not a secret).</summary>
    public string? AccessKeyId { get; }

    public AWSCredentials Credentials => _credentials;

    /// <param name="accessKey">null for the standard chain.</param>
    /// <param name="secretKeyFile">a file holding the secret key (first line), with <paramref name="accessKey"/>.</param>
    public static S3Credentials Resolve(string? accessKey, string? secretKeyFile)
    {
        if (accessKey is null && secretKeyFile is null)
        {
            try
            {
                return new S3Credentials(DefaultAWSCredentialsIdentityResolver.GetCredentials(), "environment or profile", null);
            }
            catch (AmazonClientException)
            {
                // The SDK's message lists every provider it tried; one line is what the user needs.
                throw new CouldNotRunException(
                    "no S3 credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or --set access-key=ID secret-key-file=PATH");
            }
        }

        if (accessKey is null || secretKeyFile is null)
        {
            throw new BadInputException("parameters 'access-key' and 'secret-key-file' go together: give both, or neither to use the AWS chain");
        }

        string secret;
        try
        {
            // Through InputFile: a FIFO blocked the run forever and /dev/zero was read as one endless line.
            secret = InputFile.ReadAllText(secretKeyFile, MaxSecretFileBytes).Split('\n', 2)[0].Trim();
        }
        catch (BadInputException e)
        {
            throw new BadInputException($"parameter 'secret-key-file': cannot read {e.Message}");
        }

        if (secret.Length == 0)
        {
            throw new BadInputException($"parameter 'secret-key-file': '{secretKeyFile}' is empty");
        }

        return new S3Credentials(new BasicAWSCredentials(accessKey, secret), "access-key + secret-key-file", accessKey);
    }

    public override string ToString() => Source;
}

using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>The issue #10 examples through the real CLI: exit 2, one stderr line, no stack trace.</summary>
public class BadInputEndToEndTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "name: x\npolicy: { budget: 2s\nbenchmarks:\n  - id: cpu.memory\n", ["run", "s.yaml"] },
        { "", ["run", "/dev/zero"] },
        { "a: " + new string('[', 5000) + "\n", ["run", "s.yaml"] },
        { "", ["run", "cpu.memory", "--budget", "0s"] },
        { "", ["run", "cpu.memory", "--min-samples", "10", "--max-samples", "2"] },
        { "", ["run", "cpu.memory", "--budget", "99999999999h"] },
        { "", ["run", "cpu.memory", "--set", "kernel=triad,triad"] },
        // No response files: '@/dev/zero' was read as arguments and never returned (found by the policy-option fuzzer).
        { "", ["@/dev/zero"] },
        // The parser's own messages spanned lines: "Did you mean one of the following?" and a list, a token's newline.
        { "", ["run", "cpu.memory", "--color", "x"] },
        { "", ["list", "x\ny"] },
        { "", ["compare", "a\nb", "c"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_exits_2_with_one_line(string suite, string[] args)
    {
        string work = Directory.CreateTempSubdirectory("aibench-bad").FullName;
        File.WriteAllText(Path.Combine(work, "s.yaml"), suite);
        CliProcess.Result result = CliProcess.Run(work, args);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stderr}");
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("aibench: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_command_is_named_it_was_required_command_was_not_provided()
    {
        CliProcess.Result result = CliProcess.Run(Directory.CreateTempSubdirectory("aibench-bad").FullName, "rnu", "cpu.memory");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unknown command 'rnu'", line, StringComparison.Ordinal);
        Assert.Contains("run", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_s3_mix_is_bad_input_even_without_credentials_they_were_checked_first_and_it_exited_3()
    {
        string work = Directory.CreateTempSubdirectory("aibench-bad").FullName;
        var noCredentials = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["AWS_SESSION_TOKEN"] = null, ["AWS_PROFILE"] = null,
            ["AWS_ENDPOINT_URL"] = null, ["AWS_SHARED_CREDENTIALS_FILE"] = null, ["AWS_CONFIG_FILE"] = null, ["HOME"] = work, // no ~/.aws
        };
        CliProcess.Result result = CliProcess.Run(work, noCredentials,
            "run", "storage.s3", "--set", "endpoint=http://127.0.0.1:9", "--set", "op=mixed", "--set", "mix=foo=1", "--out", "results");
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.Contains("parameter 'mix'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}

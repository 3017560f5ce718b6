using System.Text.Json.Serialization;

namespace AiBench.Core.Results;

/// <summary>How many output elements were checked and how many were wrong (nccl-tests' #wrong).</summary>
public sealed record Correctness(long Checked, long Wrong)
{
    [JsonIgnore] // derived from Wrong
    public bool IsCorrect => Wrong == 0;
}

using System.Globalization;
using AiBench.Core.Errors;

namespace AiBench.Benchmarks.ObjectStorage;

/// <summary>
/// The share of each operation in a <c>mixed</c> run, parsed from <c>get=45,head=30,put=15,delete=10</c>
/// (MinIO warp's default distribution, its "stat" being our <c>head</c>). Picks an operation from a uniform draw.
/// </summary>
public sealed class OperationMix
{
    public const string WarpDefault = "get=45,head=30,put=15,delete=10";

    private readonly (S3Operation Operation, double Cumulative)[] _cumulative;

    private OperationMix(IReadOnlyList<(S3Operation Operation, double Weight)> weights)
    {
        Weights = weights;
        double total = weights.Sum(w => w.Weight);
        double running = 0;
        _cumulative = weights.Select(w => (w.Operation, running += w.Weight / total)).ToArray();
    }

    public IReadOnlyList<(S3Operation Operation, double Weight)> Weights { get; }

    public IEnumerable<S3Operation> Operations => Weights.Select(w => w.Operation);

    public static OperationMix Single(S3Operation operation) => new([(operation, 1)]);

    public static OperationMix Parse(string text)
    {
        var weights = new List<(S3Operation, double)>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !S3OperationNames.TryParse(pair[0], out S3Operation operation)
                || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double weight)
                || weight < 0 || !double.IsFinite(weight))
            {
                throw new BadInputException(
                    $"parameter 'mix': '{part}' is not OPERATION=WEIGHT (operations: get, head, put, delete, list, multipart-put, multipart-get; e.g. {WarpDefault})");
            }

            if (weights.Any(w => w.Item1 == operation))
            {
                throw new BadInputException($"parameter 'mix': {pair[0]} is given twice");
            }

            if (weight > 0)
            {
                weights.Add((operation, weight));
            }
        }

        if (weights.Count == 0)
        {
            throw new BadInputException($"parameter 'mix': no operation with a weight above 0 (e.g. {WarpDefault})");
        }

        return new OperationMix(weights);
    }

    /// <summary>The operation for a uniform draw in [0, 1).</summary>
    public S3Operation Pick(double uniform)
    {
        foreach ((S3Operation operation, double cumulative) in _cumulative)
        {
            if (uniform < cumulative)
            {
                return operation;
            }
        }

        return _cumulative[^1].Operation;
    }
}

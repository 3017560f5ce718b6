using System.Globalization;
using AiBench.Core.Errors;
using AiBench.Core.Measuring;
using AiBench.Core.Units;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiBench.Core.Suites;

/// <summary>
/// Reads a suite from YAML. Shape:
/// <code>
/// name: quick
/// description: ...
/// policy: { warmup: 1, warmup_time: 0.5s, min_samples: 3, max_samples: 20, target_ci: 2%, budget: 5s }
/// benchmarks:
///   - id: cpu.memory
///     required: true            # default; an unavailable required benchmark exits 3
///     params: { kernel: "copy,triad" }
///     rules:
///       - { metric: triad, min: 1 GB/s }
///       - { min_efficiency: 0.7, where: { dtype: bf16 } }
///       - { max_regression: 5% }
/// </code>
/// Every mistake is a <see cref="BadInputException"/> naming the file and the place.
/// </summary>
public static class SuiteParser
{
    private static readonly string[] RuleKinds = ["min", "max", "min_efficiency", "max_regression"];

    public static Suite Parse(string yaml, string origin)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode m
                ? m
                : throw Bad(origin, "a suite must be one YAML mapping with 'name' and 'benchmarks'");
        }
        catch (YamlException e)
        {
            throw Bad(origin, $"not valid YAML at line {e.Start.Line}: {e.Message}");
        }

        CheckKeys(root, origin, "suite", "name", "description", "policy", "cluster", "benchmarks");
        string name = Scalar(root, "name", origin) ?? Path.GetFileNameWithoutExtension(origin);
        MeasurementPolicy policy = root.Children.TryGetValue(new YamlScalarNode("policy"), out YamlNode? p)
            ? ParsePolicy(p, origin)
            : MeasurementPolicy.Default;
        if (!root.Children.TryGetValue(new YamlScalarNode("benchmarks"), out YamlNode? list) || list is not YamlSequenceNode entries
            || entries.Children.Count == 0)
        {
            throw Bad(origin, "'benchmarks' must be a non-empty list");
        }

        var parsed = entries.Children.Select((node, i) => ParseEntry(node, $"{origin}: benchmarks[{i}]")).ToList();
        ClusterPolicy? cluster = root.Children.TryGetValue(new YamlScalarNode("cluster"), out YamlNode? c)
            ? ApplyCluster(new ClusterPolicy(), c is YamlMappingNode ? StringMap(root, "cluster", origin) : throw Bad(origin, "'cluster' must be a mapping"), $"{origin}: cluster")
            : null;
        return new Suite(name, Scalar(root, "description", origin), policy, parsed) { Cluster = cluster };
    }

    public static Suite Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"cannot read suite '{path}': {e.Message}");
        }

        return Parse(text, path);
    }

    private static SuiteEntry ParseEntry(YamlNode node, string where)
    {
        if (node is not YamlMappingNode map)
        {
            throw new BadInputException($"{where}: each benchmark must be a mapping with 'id'");
        }

        CheckKeys(map, where, "benchmark", "id", "params", "required", "rules");
        string id = Scalar(map, "id", where) ?? throw new BadInputException($"{where}: missing 'id'");
        string requiredText = Scalar(map, "required", where) ?? "true";
        bool required = requiredText.ToLowerInvariant() switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw new BadInputException($"{where}: 'required' must be true or false"),
        };
        var settings = StringMap(map, "params", where);
        var rules = new List<Rule>();
        if (map.Children.TryGetValue(new YamlScalarNode("rules"), out YamlNode? r))
        {
            if (r is not YamlSequenceNode ruleList)
            {
                throw new BadInputException($"{where}: 'rules' must be a list");
            }

            rules.AddRange(ruleList.Children.Select((n, i) => ParseRule(n, $"{where}.rules[{i}]")));
        }

        return new SuiteEntry(id, settings, required, rules);
    }

    private static Rule ParseRule(YamlNode node, string where)
    {
        if (node is not YamlMappingNode map)
        {
            throw new BadInputException($"{where}: a rule must be a mapping such as {{ min_efficiency: 0.7 }}");
        }

        CheckKeys(map, where, "rule", [.. RuleKinds, "metric", "where"]);
        var kinds = RuleKinds.Where(k => map.Children.ContainsKey(new YamlScalarNode(k))).ToList();
        if (kinds.Count != 1)
        {
            throw new BadInputException($"{where}: a rule needs exactly one of {string.Join(", ", RuleKinds)}");
        }

        string text = Scalar(map, kinds[0], where)!;
        Rule rule;
        try
        {
            rule = kinds[0] switch
            {
                "min" => new MinRule(Quantity.Parse(text)),
                "max" => new MaxRule(Quantity.Parse(text)),
                "min_efficiency" => new MinEfficiencyRule(Fraction(text)),
                _ => new MaxRegressionRule(Fraction(text)),
            };
        }
        catch (FormatException e)
        {
            throw new BadInputException($"{where}: {kinds[0]}: {e.Message}");
        }

        return rule with { Metric = Scalar(map, "metric", where), Where = StringMap(map, "where", where) };
    }

    /// <summary>A fraction written as <c>0.75</c> or <c>75%</c>.</summary>
    private static double Fraction(string text)
    {
        Quantity q = Quantity.Parse(text);
        if (q.Unit is not (null or Units.Unit.Ratio) || q.Value < 0 || q.Value > 10)
        {
            throw new FormatException($"'{text}' is not a fraction (write 0.75 or 75%)");
        }

        return q.Value;
    }

    private static MeasurementPolicy ParsePolicy(YamlNode node, string origin)
    {
        string where = $"{origin}: policy";
        if (node is not YamlMappingNode map)
        {
            throw new BadInputException($"{where} must be a mapping");
        }

        CheckKeys(map, where, "policy", "warmup", "warmup_time", "min_samples", "max_samples", "target_ci", "budget");
        var policy = MeasurementPolicy.Default;
        try
        {
            policy = policy with
            {
                WarmupCount = Int(map, "warmup", where) ?? policy.WarmupCount,
                WarmupTime = Scalar(map, "warmup_time", where) is { } wt ? DurationText.Parse(wt) : policy.WarmupTime,
                MinSamples = Int(map, "min_samples", where) ?? policy.MinSamples,
                MaxSamples = Int(map, "max_samples", where) ?? policy.MaxSamples,
                TargetRelativeCi = Scalar(map, "target_ci", where) is { } ci ? Fraction(ci) : policy.TargetRelativeCi,
                CaseBudget = Scalar(map, "budget", where) is { } b ? DurationText.Parse(b) : policy.CaseBudget,
            };
        }
        catch (FormatException e)
        {
            throw new BadInputException($"{where}: {e.Message}");
        }

        policy.Validate();
        return policy;
    }

    private static int? Int(YamlMappingNode map, string key, string where) =>
        Scalar(map, key, where) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= 0 ? v
        : throw new BadInputException($"{where}: '{key}' must be a whole number, not '{text}'");

    private static string? Scalar(YamlMappingNode map, string key, string where)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node))
        {
            return null;
        }

        return node is YamlScalarNode { Value: { } v }
            ? v
            : throw new BadInputException($"{where}: '{key}' must be a single value");
    }

    private static Dictionary<string, string> StringMap(YamlMappingNode map, string key, string where)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node))
        {
            return result;
        }

        if (node is not YamlMappingNode pairs)
        {
            throw new BadInputException($"{where}: '{key}' must be a mapping of name: value");
        }

        foreach ((YamlNode k, YamlNode v) in pairs.Children)
        {
            string name = ((YamlScalarNode)k).Value ?? "";
            result[name] = v switch
            {
                YamlScalarNode { Value: { } s } => s,
                YamlSequenceNode seq => string.Join(",", seq.Children.Select(c => (c as YamlScalarNode)?.Value
                    ?? throw new BadInputException($"{where}: '{key}.{name}' list items must be single values"))),
                _ => throw new BadInputException($"{where}: '{key}.{name}' must be a value or a list"),
            };
        }

        return result;
    }

    private static void CheckKeys(YamlMappingNode map, string where, string what, params string[] allowed)
    {
        foreach (YamlNode key in map.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new BadInputException($"{where}: unknown {what} key '{name}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    /// <summary>Applies <c>cluster:</c> fields (from YAML or <c>--set cluster.name=value</c>) to a policy.</summary>
    public static ClusterPolicy ApplyCluster(ClusterPolicy policy, IReadOnlyDictionary<string, string> fields, string where)
    {
        foreach ((string name, string text) in fields)
        {
            try
            {
                policy = name.ToLowerInvariant() switch
                {
                    "node_timeout" => policy with { NodeTimeout = Positive(DurationText.Parse(text)) },
                    "silence" => policy with { Silence = Positive(DurationText.Parse(text)) },
                    "fleet_z" => policy with { FleetZ = Quantity.Parse(text).Value is var z and > 0 ? z : throw new FormatException("must be above 0") },
                    "fleet_min_deviation" => policy with { FleetMinDeviation = Fraction(text) },
                    "pair_min_ratio" => policy with { PairMinRatio = Fraction(text) },
                    "pair_min_line_rate" => policy with { PairMinLineRate = Fraction(text) },
                    "fleet_ignore" => policy with
                    {
                        FleetIgnore = [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    },
                    _ => throw new BadInputException(
                        $"{where}: unknown cluster field '{name}' (allowed: {string.Join(", ", ClusterPolicy.FieldNames)})"),
                };
            }
            catch (FormatException e)
            {
                throw new BadInputException($"{where}.{name}: '{text}': {e.Message}");
            }
        }

        return policy;

        static TimeSpan Positive(TimeSpan value) => value > TimeSpan.Zero ? value : throw new FormatException("must be above 0");
    }

    private static BadInputException Bad(string origin, string message) => new($"{origin}: {message}");
}

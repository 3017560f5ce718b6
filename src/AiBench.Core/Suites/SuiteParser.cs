using System.Globalization;
using AiBench.Core.Errors;
using AiBench.Core.Measuring;
using AiBench.Core.Units;
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
/// Every mistake is a <see cref="BadInputException"/> naming the file and the place (<c>s.yaml: benchmarks[0].rules[1].min</c>).
/// </summary>
public static class SuiteParser
{
    private static readonly string[] RuleKinds = ["min", "max", "min_efficiency", "max_regression"];

    public static Suite Parse(string yaml, string origin)
    {
        YamlMappingNode root = SuiteYaml.Load(yaml, origin);
        var top = YamlPlace.Root(origin);
        CheckKeys(root, top, "suite", "name", "description", "policy", "cluster", "benchmarks");
        string name = Scalar(root, "name", top) ?? Path.GetFileNameWithoutExtension(origin);
        MeasurementPolicy policy = Child(root, "policy") is { } p ? ParsePolicy(p, top.Key("policy")) : MeasurementPolicy.Default;
        if (Child(root, "benchmarks") is not YamlSequenceNode entries || entries.Children.Count == 0)
        {
            throw new BadInputException($"{top.Key("benchmarks")} must be a non-empty list");
        }

        var parsed = entries.Children.Select((node, i) => ParseEntry(node, top.Key("benchmarks").Index(i))).ToList();
        ClusterPolicy? cluster = Child(root, "cluster") is { } c
            ? ApplyCluster(new ClusterPolicy(), c is YamlMappingNode ? StringMap(root, "cluster", top) : throw new BadInputException($"{top.Key("cluster")} must be a mapping"), top.Key("cluster").ToString())
            : null;
        return new Suite(name, Scalar(root, "description", top), policy, parsed) { Cluster = cluster };
    }

    public static Suite Load(string path) => Parse(SuiteFile.Read(path), path);

    private static SuiteEntry ParseEntry(YamlNode node, YamlPlace where)
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
            _ => throw new BadInputException($"{where.Key("required")} must be true or false, not '{requiredText}'"),
        };
        var settings = StringMap(map, "params", where);
        var rules = new List<Rule>();
        if (Child(map, "rules") is { } r)
        {
            if (r is not YamlSequenceNode ruleList)
            {
                throw new BadInputException($"{where.Key("rules")} must be a list");
            }

            rules.AddRange(ruleList.Children.Select((n, i) => ParseRule(n, where.Key("rules").Index(i))));
        }

        return new SuiteEntry(id, settings, required, rules);
    }

    private static Rule ParseRule(YamlNode node, YamlPlace where)
    {
        if (node is not YamlMappingNode map)
        {
            throw new BadInputException($"{where}: a rule must be a mapping such as {{ min_efficiency: 0.7 }}");
        }

        CheckKeys(map, where, "rule", [.. RuleKinds, "metric", "where"]);
        var kinds = RuleKinds.Where(k => Child(map, k) is not null).ToList();
        if (kinds.Count != 1)
        {
            throw new BadInputException($"{where}: a rule needs exactly one of {string.Join(", ", RuleKinds)}");
        }

        string kind = kinds[0];
        string text = Scalar(map, kind, where)!;
        Rule rule = Field(where.Key(kind), () => kind switch
        {
            "min" => new MinRule(Quantity.Parse(text)),
            "max" => new MaxRule(Quantity.Parse(text)),
            "min_efficiency" => new MinEfficiencyRule(FractionText.Parse(text)),
            _ => (Rule)new MaxRegressionRule(FractionText.Parse(text)),
        });
        return rule with { Metric = Scalar(map, "metric", where), Where = StringMap(map, "where", where) };
    }

    private static MeasurementPolicy ParsePolicy(YamlNode node, YamlPlace where)
    {
        if (node is not YamlMappingNode map)
        {
            throw new BadInputException($"{where} must be a mapping");
        }

        CheckKeys(map, where, "policy", [.. MeasurementPolicy.FieldNames]);
        var policy = MeasurementPolicy.Default;
        policy = policy with
        {
            WarmupCount = Int(map, "warmup", where) ?? policy.WarmupCount,
            WarmupTime = Scalar(map, "warmup_time", where) is { } wt ? Field(where.Key("warmup_time"), () => DurationText.Parse(wt)) : policy.WarmupTime,
            MinSamples = Int(map, "min_samples", where) ?? policy.MinSamples,
            MaxSamples = Int(map, "max_samples", where) ?? policy.MaxSamples,
            TargetRelativeCi = Scalar(map, "target_ci", where) is { } ci ? Field(where.Key("target_ci"), () => FractionText.Parse(ci)) : policy.TargetRelativeCi,
            CaseBudget = Scalar(map, "budget", where) is { } b ? Field(where.Key("budget"), () => DurationText.Parse(b)) : policy.CaseBudget,
        };
        policy.Validate(field => where.Key(field).ToString());
        return policy;
    }

    /// <summary>Parses one field's text; a unit parser's <see cref="FormatException"/> becomes bad input at that place.</summary>
    private static T Field<T>(YamlPlace place, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw new BadInputException($"{place}: {e.Message}");
        }
    }

    private static int? Int(YamlMappingNode map, string key, YamlPlace where) =>
        Scalar(map, key, where) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= 0 ? v
        : throw new BadInputException($"{where.Key(key)} must be a whole number from 0 to {int.MaxValue}, not '{text}'");

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key, YamlPlace where) =>
        Child(map, key) switch
        {
            null => null,
            YamlScalarNode { Value: { } v } => v,
            _ => throw new BadInputException($"{where.Key(key)} must be a single value"),
        };

    private static Dictionary<string, string> StringMap(YamlMappingNode map, string key, YamlPlace where)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Child(map, key) is not { } node)
        {
            return result;
        }

        if (node is not YamlMappingNode pairs)
        {
            throw new BadInputException($"{where.Key(key)} must be a mapping of name: value");
        }

        foreach ((YamlNode k, YamlNode v) in pairs.Children)
        {
            string name = k is YamlScalarNode { Value: { } n } ? n : throw new BadInputException($"{where.Key(key)}: names must be single values");
            YamlPlace at = where.Key(key).Key(name);
            result[name] = v switch
            {
                YamlScalarNode { Value: { } s } => s,
                YamlSequenceNode seq => string.Join(",", seq.Children.Select(c => (c as YamlScalarNode)?.Value
                    ?? throw new BadInputException($"{at}: list items must be single values"))),
                _ => throw new BadInputException($"{at} must be a value or a list"),
            };
        }

        return result;
    }

    private static void CheckKeys(YamlMappingNode map, YamlPlace where, string what, params string[] allowed)
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
                    "fleet_z" => policy with { FleetZ = Quantity.Parse(text) is { Unit: null, Value: > 0 and var z } ? z : throw new FormatException("must be a number above 0") },
                    "fleet_min_deviation" => policy with { FleetMinDeviation = FractionText.Parse(text) },
                    "pair_min_ratio" => policy with { PairMinRatio = FractionText.Parse(text) },
                    "pair_min_line_rate" => policy with { PairMinLineRate = FractionText.Parse(text) },
                    "pair_max_latency_ratio" => policy with
                    {
                        PairMaxLatencyRatio = Quantity.Parse(text) is { Unit: null, Value: >= 1 and var ratio } ? ratio : throw new FormatException("must be a number of 1 or more"),
                    },
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
}

using System.Text;
using CsCheck;

namespace AiBench.Tests.Fuzzing;

/// <summary>
/// Mutated inputs from seed texts, for any text parser: a seed with up to eight edits applied in turn (truncate,
/// flip/insert/delete characters, splice in another seed, duplicate a region, insert YAML/JSON/unit tokens, long runs).
/// Built from CsCheck generators, so a failing input shrinks towards the plain seed.
/// </summary>
internal static class InputMutations
{
    /// <summary>Tokens that tend to reach parser corners: structure, anchors, extreme numbers, odd digits and spaces.</summary>
    public static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "&a ", "*a", ": ", "- ", "\"", "'", "null", "~", "1e308", "-1", "0", "99999999999999999999",
        "NaN", "Infinity", "-Infinity", "1e-400", "1e400", ".", "..", "*", "+", "=", ",", "%", "\n", "\t", "\r\n", "? ",
        "#", "|", ">", "---", "...", "<<: *a", "!!binary ", "!tag ", "\\u0000", "\0", "\u00b5", "\u0663", "\uff11",
        "\u2028", "\ud800", "GB/s", "GiB", "k", "s", "ms", "h", "9223372036854775807", "-9223372036854775808", "2147483648",
    ];

    public static Gen<string> From(IReadOnlyList<string> seeds)
    {
        if (seeds.Count == 0)
        {
            throw new ArgumentException("at least one seed is needed", nameof(seeds));
        }

        Gen<Mutation> mutation = Gen.Select(Gen.Enum<MutationKind>(), Gen.Double[0, 1], Gen.Int[1, 64], Gen.Int[0, Tokens.Length - 1],
            Gen.Char, (kind, at, length, token, c) => new Mutation(kind, at, length, token, c));
        return Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, seeds.Count - 1], mutation.Array[0, 8],
            (seed, other, edits) => edits.Aggregate(seeds[seed], (text, edit) => edit.Apply(text, seeds[other])));
    }

    public enum MutationKind
    {
        Truncate,
        Flip,
        Replace,
        Insert,
        Delete,
        Splice,
        Duplicate,
        InsertToken,
        LongRun,
    }

    /// <summary>One edit; <see cref="At"/> is a fraction of the text's length so it fits any text.</summary>
    public sealed record Mutation(MutationKind Kind, double At, int Length, int Token, char Char)
    {
        /// <summary>Long runs reach depth and length limits (5,000 '[' deep, 100,000 digits) without unbounded memory.</summary>
        public const int MaxRun = 100_000;

        public string Apply(string text, string other)
        {
            int at = (int)(At * text.Length);
            int length = Math.Min(Length, text.Length - at);
            string token = Tokens[Token];
            return Kind switch
            {
                MutationKind.Truncate => text[..at],
                MutationKind.Flip when at < text.Length => string.Concat(text.AsSpan(0, at), [(char)(text[at] ^ (1 << (Length % 16)))], text.AsSpan(at + 1)),
                MutationKind.Replace when at < text.Length => string.Concat(text.AsSpan(0, at), [Char], text.AsSpan(at + 1)),
                MutationKind.Insert => text.Insert(at, Char.ToString()),
                MutationKind.Delete => text.Remove(at, length),
                MutationKind.Splice => string.Concat(text.AsSpan(0, at), other.AsSpan((int)(At * other.Length))),
                MutationKind.Duplicate => text.Insert(at, text.Substring(at, length)),
                MutationKind.InsertToken => text.Insert(at, token),
                MutationKind.LongRun => text.Insert(at, Repeat(token, Math.Min(MaxRun / token.Length, Length * Length * Length))),
                _ => text,
            };
        }

        private static string Repeat(string token, int count) => new StringBuilder(token.Length * count).Insert(0, token, count).ToString();
    }
}

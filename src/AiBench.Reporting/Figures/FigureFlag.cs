namespace AiBench.Reporting.Figures;

/// <summary>Why a figure should not be read at face value.</summary>
public enum FigureFlagKind
{
    /// <summary>The samples scatter more than the limit: the median may move on the next run.</summary>
    Noisy,

    /// <summary>Above the datasheet peak: a counting or clock error, not a fast system.</summary>
    AbovePeak,

    /// <summary>The quantity has no meaning here (bus bandwidth on one rank); shown as n/a.</summary>
    Undefined,

    /// <summary>Marked invalid by its benchmark (a read-back the page cache could answer): not a figure of the storage.</summary>
    Invalid,
}

/// <summary>A warning on one figure, with the text its badge shows.</summary>
public sealed record FigureFlag(FigureFlagKind Kind, string Text);

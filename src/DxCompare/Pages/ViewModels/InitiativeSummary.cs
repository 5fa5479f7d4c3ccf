using System.Runtime.CompilerServices;
using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>One or two lines of what an initiative does, taken from its 取組内容 as published (never reworded).</summary>
public static class InitiativeSummary
{
    public const int MaxLength = 80;

    /// <summary>
    /// Made once per initiative object: topic and comparison pages ask again for each topic an initiative is tagged with,
    /// and a rebuild in watch mode renders every topic page again, while an unchanged plan keeps its objects.
    /// </summary>
    public static string Of(Initiative initiative) => Made.GetValue(initiative, Make);

    private static readonly ConditionalWeakTable<Initiative, string> Made = [];

    private static string Make(Initiative initiative)
    {
        var lines = (initiative.Content ?? initiative.TargetState ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimStart('-', '*', '・', ' ').Trim())
            .Where(line => line.Length > 0)
            .ToList();
        if (lines.Count == 0) return "";
        // A plan that lists what it does as bullets (Koto's 取組内容 after its lead sentence, Taito's whole 取組内容) says it most concretely there.
        var bullets = (initiative.Content ?? "").Split('\n').Count(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
        var text = bullets >= 2 && lines.Count > bullets
            ? string.Join("／", lines.Skip(lines.Count - bullets))
            : bullets >= 2 ? string.Join("／", lines) : FirstSentence(lines[0]);
        return Clip(text);
    }

    private static string FirstSentence(string line) => line.IndexOf('。') is var end and >= 0 ? line[..(end + 1)] : line;

    private static string Clip(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)].TrimEnd('／', '、') + "…";
}

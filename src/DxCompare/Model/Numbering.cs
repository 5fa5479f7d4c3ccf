using System.Globalization;

namespace DxCompare.Model;

/// <summary>How pillars, policies and initiatives are numbered: as the plan prints them, and by a key unique in the plan.</summary>
public static class Numbering
{
    public const string IdHint = "計画内で一意のID(ページ内リンクに使う)。空欄なら番号";

    /// <summary>The number as the plan prints it: its printed label, or the number.</summary>
    public static string Printed(string? label, int number) => label ?? number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id unique within the plan (URLs, anchors): the given id, or the number.</summary>
    public static string Key(string? id, int number) => id ?? number.ToString(CultureInfo.InvariantCulture);
}

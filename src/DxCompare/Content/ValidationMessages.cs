using System.Globalization;
using System.Text.RegularExpressions;

namespace DxCompare.Content;

/// <summary>
/// The validator's messages, in English (the CLI's default) and in Japanese for editors (`validate --lang ja`,
/// the watch overlay, and the CMS, which gets these templates through /admin/dxcompare-model.js). A template
/// names its arguments ({code}); C# and the browser's theme/admin/validate.js fill them in the same way, and
/// tests/vectors/validation.json proves both give the same Japanese message on the same line.
/// </summary>
public static partial class ValidationMessages
{
    public sealed record Template(string En, string Ja);

    public static readonly IReadOnlyDictionary<string, Template> Templates = new Dictionary<string, Template>(StringComparer.Ordinal)
    {
        ["check-digit"] = new(
            "'code' {code} has a wrong check digit: the 6th digit of a 全国地方公共団体コード starting {prefix} must be {digit} ({expected}). Check the code against the official list.",
            "全国地方公共団体コード {code} の検査数字(6桁目)が違います。{prefix} で始まるコードの6桁目は {digit} です({expected})。公式のコード一覧と照らし合わせてください。"),
        ["duplicate-number"] = new(
            "duplicate {label} number {number} (already used at line {line}). Number each {label} as the plan does; numbers must be unique within the plan.",
            "{label}の番号 {number} が重複しています。計画書のとおりに、計画内で重複しない番号を付けてください。"),
        ["percent-range"] = new(
            "{number}% is outside 0–100 for '{name}'. A percentage must be between 0 and 100; check the value or the unit.",
            "{number}% は0〜100の範囲外です(「{name}」)。値か単位を確かめてください。"),
        ["outside-period"] = new(
            "'{field}' {fy} ({wareki}) is outside the plan period {start}–{end} ({period}). Use a fiscal year inside the period, or widen 'period'.",
            "{wareki}({fy}年度)は計画期間({start}〜{end}年度)の外です。期間内の年度にするか、計画期間を広げてください。"),
        ["baseline-after-period"] = new(
            "the baseline of '{name}' is for {fy}, after the plan period ({start}–{end}). A baseline is the situation before or at the start of the plan.",
            "「{name}」の基準値の年度 {fy} が計画期間({start}〜{end}年度)より後です。基準値は計画の開始時点までの状況です。"),
        ["duplicate-value"] = new(
            "'{name}' has two {type} values for {fy}. Keep one per fiscal year and type.",
            "「{name}」に {fy}年度の{typeLabel}が2つあります。年度・種別ごとに1つにしてください。"),
        ["value-and-status"] = new(
            "a value of '{name}' for {fy} has both 'value' and 'status'. Keep one: the number, or the word the plan prints instead of a number.",
            "「{name}」の {fy}年度の値に数値と状態の両方があります。どちらか一方にしてください。"),
        ["no-value"] = new(
            "a value of '{name}' for {fy} has neither 'value' nor 'status'. Give the number as 'value: 40' or a word such as 'status: 推進' (or 'status: —' when the plan shows none).",
            "「{name}」の {fy}年度の値に数値も状態もありません。数値か状態(推進、— など)を入力してください。"),
        ["no-unit"] = new(
            "indicator '{name}' has numeric values but no 'unit'. Add e.g. 'unit: \"%\"', 'unit: 人' or 'unit: 回/月'.",
            "指標「{name}」に数値がありますが単位がありません。%、人、回/月 などを入力してください。"),
        ["until-before-fy"] = new(
            "'until' ({until}) is before 'fy' ({fy}). 'until' is the last fiscal year the cell covers.",
            "終了年度 {until} が年度 {fy} より前です。"),
        ["unknown-topic"] = new(
            "unknown topic id '{topic}' in {initiative}.{suggestion} Use an id from content/topics.yml or add the topic there.",
            "{initiative}のトピック「{topic}」は content/topics.yml にありません。一覧から選ぶか、トピックを追加してください。"),
        ["unknown-metric"] = new(
            "unknown metric id '{metric}' on indicator '{name}'.{suggestion} Use an id from content/metrics.yml, add the metric there, or remove 'metric'.",
            "指標「{name}」の比較指標「{metric}」は content/metrics.yml にありません。一覧から選ぶか、比較指標を外してください。"),
        ["metric-unit"] = new(
            "indicator '{name}' is in '{unit}' but metric '{metric}' is measured in '{metricUnit}'. Comparable indicators must share a unit: convert the values or remove 'metric'.",
            "指標「{name}」の単位「{unit}」が比較指標「{metric}」の単位「{metricUnit}」と違います。値を換算するか、比較指標を外してください。"),
    };

    /// <summary>The template filled with named arguments; unknown names stay as written.</summary>
    public static string Format(string template, IReadOnlyDictionary<string, object?> args) =>
        Placeholder().Replace(template, m => args.TryGetValue(m.Groups[1].Value, out var value)
            ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""
            : m.Value);

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}

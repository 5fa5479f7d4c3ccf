using DxCompare.Model;

namespace DxCompare.Content;

public sealed record ScaffoldRequest(string Code, string Name, string Slug, IReadOnlyList<string> Levels, int Start, int End, string? Prefecture = null);

/// <summary>
/// A commented skeleton plan that passes validation, for an editor who adds a municipality by hand.
/// Placeholders are written in 【】 so they are easy to find and replace.
/// </summary>
public static partial class PlanScaffold
{
    /// <summary>The placeholders <see cref="Render"/> writes: 【目標1の名称】, 【担当課】 … Real text in 【】 (【税証明、戸籍証明書の請求】) does not match.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("【(?:[^】]*の名称|担当課|基本理念・目指す姿|[^】]*を計画書のとおりに記入|[^】]*の項目名)】")]
    public static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>Problems with the request, worded like the validator's messages; empty when it can be written.</summary>
    public static IReadOnlyList<string> Check(ScaffoldRequest request, string contentDirectory)
    {
        var problems = new List<string>();
        if (request.Code.Length != 6 || !request.Code.All(char.IsAsciiDigit))
            problems.Add($"--code '{request.Code}' must be a 6-digit 全国地方公共団体コード, e.g. 131032.");
        else if (!LocalGovernmentCode.IsValid(request.Code))
        {
            var expected = LocalGovernmentCode.CheckDigit(request.Code.AsSpan(0, 5));
            problems.Add($"--code {request.Code} has a wrong check digit: the 6th digit of a 全国地方公共団体コード starting {request.Code[..5]} must be {expected} ({request.Code[..5]}{expected}). Check the code against the official list.");
        }
        else if ((request.Prefecture ?? Prefectures.OfCode(request.Code)) is null)
            problems.Add($"--code {request.Code} does not start with a prefecture number 01–47.");
        if (RouteNames.Refuse(request.Slug) is { } slugProblem) problems.Add($"--slug {slugProblem}");
        if (request.Levels.Count is not (2 or 3))
            problems.Add("--levels must name two or three levels, e.g. 目標,施策,取組 or 視点,取組.");
        if (request.End < request.Start)
            problems.Add($"the plan period ends ({request.End}) before it starts ({request.Start}).");
        var path = PathFor(contentDirectory, request.Slug);
        if (File.Exists(path))
            problems.Add($"{ContentLoader.DisplayPath(path)} already exists; it was left unchanged. Edit it, or choose another --slug.");
        return problems;
    }

    public static string PathFor(string contentDirectory, string slug) =>
        Path.Combine(contentDirectory, ContentLoader.PlansFolder, slug + ".yml");

    public static string Render(ScaffoldRequest r)
    {
        var pillar = r.Levels[0];
        var policy = r.Levels.Count == 3 ? r.Levels[1] : null;
        var initiative = r.Levels[^1];
        var prefecture = r.Prefecture ?? Prefectures.OfCode(r.Code);
        var indent = policy is null ? "    " : "        ";
        var initiativeBlock = $"""
            {indent}initiatives:
            {indent}  - number: 1                 # the plan's own {initiative} number
            {indent}    title: 【{initiative}の名称】
            {indent}    is_new: false             # true when the plan marks it 新規
            {indent}    departments: [【担当課】]
            {indent}    topics: [online-procedures]   # ids from content/topics.yml
            {indent}    content: |
            {indent}      - 【取組内容を計画書のとおりに記入】
            {indent}    page: 1                   # page in the source document
            {indent}    indicators:
            {indent}      - name: 【事業計画の項目名】
            {indent}        kind: 事業計画
            {indent}        values:               # one entry per fiscal year: value (number) or status (推進 …)
            {indent}          - {"{"}fy: {r.Start}, type: target, status: 検討{"}"}
            """;
        var body = policy is null
            ? initiativeBlock
            : $"""
                    policies:
                      - number: 1
                        title: 【{policy}の名称】
                        indicators: []          # the {policy}'s 評価指標, if any
                {initiativeBlock}
                """;
        return $"""
            # yaml-language-server: $schema=../schema/plan.schema.json
            # {r.Name}のDX推進計画。【】の部分を計画書のとおりに書き換えてください。
            # 書式: docs/content-format.md / 手順: docs/editing.md / 確認: dotnet run --project src/DxCompare -- validate
            municipality:
              code: "{r.Code}"
              name: {r.Name}
              prefecture: {prefecture}
              slug: {r.Slug}
              website: ""
            title: {r.Name}DX推進計画
            draft: true                   # 作成中: checked, never published. Remove when the plan is complete.
            statements:                   # in the plan's order: 基本理念, 目指す姿, Mission …
              - label: 基本理念
                text: 【基本理念・目指す姿】
            period:                       # Gregorian fiscal years: 令和8年度 = 2026
              start: {r.Start}
              end: {r.End}
            published: {r.Start}-03        # YYYY-MM of publication
            sources:
              - title: {r.Name}DX推進計画
                publisher: {r.Name}
            labels:                       # the plan's own names for its levels
              pillar: {pillar}
            {(policy is null ? "" : $"  policy: {policy}\n")}  initiative: {initiative}
            pillars:
              - number: 1
                title: 【{pillar}1の名称】
            {body}
            """.Replace("\n\n  initiative:", "\n  initiative:") + "\n";
    }
}

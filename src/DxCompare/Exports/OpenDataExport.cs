using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DxCompare.Model;
using DxCompare.Output;
using DxCompare.Schema;

namespace DxCompare.Exports;

/// <summary>
/// The open-data downloads: long-format CSVs that follow the government's machine-readability rules
/// (Gregorian fiscal years, explicit units, region codes, blank is not zero) and the whole model as JSON.
/// </summary>
public static class OpenDataExport
{
    public const string InitiativesCsv = "initiatives.csv";
    public const string IndicatorsCsv = "indicators.csv";
    public const string PlansJson = "plans.json";
    public const string SchemaJson = "schema.json";
    public const string ReadmeTxt = "README.txt";

    /// <summary>The initiatives of one topic, as rows of initiatives.csv: data/topics/{id}.csv.</summary>
    public static string TopicCsv(string topicId) => $"topics/{topicId}.csv";

    /// <summary>The values of one comparable metric, as rows of indicators.csv: data/metrics/{id}.csv.</summary>
    public static string MetricCsv(string metricId) => $"metrics/{metricId}.csv";

    public static readonly string[] InitiativeColumns =
        ["lg_code", "municipality", "pillar_number", "pillar_title", "policy_number", "policy_title", "number", "title", "departments", "is_new", "topics", "topic_labels", "url", "pillar_label", "policy_label", "label", "id"];

    public static readonly string[] IndicatorColumns =
        ["lg_code", "municipality", "attached_to", "attached_number", "indicator_name", "metric_id", "kind", "fy", "value_type", "value", "unit", "qualifier", "status_text", "note",
         "attached_label", "metric_variant", "until", "period_text", "outside_period", "status_class", "qualifier_class",
         "evaluation", "evaluation_meaning", "source_id", "source_title", "source_published", "source_page", "revised_in", "decision", "definition"];

    /// <summary>What each column holds, in Japanese: shown on /data/ and written into README.txt beside the files.</summary>
    public static readonly IReadOnlyList<(string Column, string Description)> ColumnGuide =
    [
        ("lg_code", "全国地方公共団体コード(6桁、検査数字を含む)"),
        ("municipality", "自治体名"),
        ("pillar_number", "柱(台東区は目標、江東区は視点)の番号"),
        ("pillar_title", "柱の名称"),
        ("policy_number", "施策の番号(施策の階層がない計画は空欄)"),
        ("policy_title", "施策の名称"),
        ("number", "取組の番号(計画での番号のまま)"),
        ("title", "取組の名称"),
        ("departments", "担当課(複数は「;」区切り)"),
        ("is_new", "新規の取組なら true"),
        ("topics", "トピックのID(複数は「;」区切り、最初が主なトピック)"),
        ("topic_labels", "トピックの名称(topicsと同じ順)"),
        ("url", "このサイトの取組のページ"),
        ("pillar_label", "柱の番号の計画書での表記(重点方針1、Ⅰ など)"),
        ("policy_label", "施策の番号の計画書での表記"),
        ("label", "取組の番号の計画書での表記(3.1.1、(1)-② など。柱・施策ごとに振り直す計画もそのまま)"),
        ("id", "取組の計画内で一意のID(URLに使う。番号が計画全体で一意ならその番号)"),
        ("attached_to", "指標が設定された階層(plan=計画全体、pillar=柱、policy=施策、initiative=取組)"),
        ("attached_number", "その階層の番号"),
        ("indicator_name", "指標名(内訳があるときは括弧内に区分)"),
        ("metric_id", "比較指標のID(他の自治体とくらべられる指標のとき)"),
        ("kind", "指標の種別(評価指標、指標、管理指標、事業計画)"),
        ("fy", "年度(西暦。令和8年度=2026)"),
        ("value_type", "値の種別(baseline=基準値、target=目標値、actual=実績値)"),
        ("value", "数値(空欄は値なし。ゼロではありません)"),
        ("unit", "単位"),
        ("qualifier", "修飾語(未満、以上、累計、毎年度)"),
        ("status_text", "数値の代わりに記載された語(推進、実施 など)"),
        ("note", "注記(対象範囲、指標、値の順に「 / 」区切り)"),
        ("attached_label", "指標が設定された階層の番号の計画書での表記"),
        ("metric_variant", "比較指標の種類のID(同じものを別の単位・定義で測るとき)"),
        ("until", "値が複数年度にまたがるときの終了年度(西暦)"),
        ("period_text", "年度と違う区切りの期間の計画書での表記(R3年5月〜R5年3月 など)"),
        ("outside_period", "計画期間の外の年度に計画書が示した値(長期目標、計画前の実績)なら true"),
        ("status_class", "状態の語の共通の分類(planning=検討・準備、trial=試行、implementation=実施・導入、operation=運用・推進・継続、expansion=拡充、completed=完了、none=記載なし)"),
        ("qualifier_class", "修飾語の共通の分類(below=未満、at_least=以上、cumulative=累計、every_year=毎年度、approximately=概数、aim=目途、none=修飾なし)"),
        ("evaluation", "公表された評価(A〜D、達成、◎○△ など。計画書の表記のまま)"),
        ("evaluation_meaning", "評価の意味(その版の評価の凡例による)"),
        ("source_id", "値を載せた版のID"),
        ("source_title", "値を載せた版(計画、進捗状況、改定版など)の資料名"),
        ("source_published", "その版の発行年月(YYYY-MM)"),
        ("source_page", "その版の掲載ページ"),
        ("revised_in", "この値が後の版で改定されたとき、改定した版のID(空欄なら現在の値)"),
        ("decision", "計画終了時の判断(第2期計画で継続 など)"),
        ("definition", "指標の定義(何を数えるか)"),
    ];

    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Japanese Excel opens a UTF-8 CSV correctly only when it starts with a byte-order mark.</summary>
    private static readonly UTF8Encoding Utf8WithBom = new(true);

    public static IReadOnlyList<string> WriteAll(ContentSet content, string directory, string baseUrl = "") =>
        WriteAll(content, directory, baseUrl, null).Files;

    /// <summary>The previous downloads: their folder, where each plan's part lies in each file, and the plans changed since.</summary>
    public sealed record Earlier(string Directory, IReadOnlyDictionary<string, PlanParts> Parts, IReadOnlySet<string> ChangedSlugs);

    /// <summary>
    /// Writes every open-data file into <paramref name="directory"/>; returns their names and, for each file that lists
    /// every plan in order, where each plan's part lies. Given <paramref name="earlier"/>, an unchanged plan's part is
    /// copied from the earlier file instead of being made again (the bytes are the same: a part depends on its plan only).
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyDictionary<string, PlanParts> Parts) WriteAll(ContentSet content, string directory, string baseUrl, Earlier? earlier)
    {
        Directory.CreateDirectory(directory);
        var parts = new Dictionary<string, PlanParts>(StringComparer.Ordinal);
        PartedFile.Previous? From(string file) =>
            earlier is not null && earlier.Parts.TryGetValue(file, out var before) ? new(Path.Combine(earlier.Directory, file), before, earlier.ChangedSlugs) : null;
        void Initiatives(string file, IEnumerable<InitiativeEntry> entries) =>
            parts[file] = WriteCsvInParts(Path.Combine(directory, file), InitiativeColumns, entries, e => e.Plan, (csv, e) => WriteInitiative(content, csv, e, baseUrl), From(file));
        void Indicators(string file, IEnumerable<IndicatorEntry> entries) =>
            parts[file] = WriteCsvInParts(Path.Combine(directory, file), IndicatorColumns, entries, e => e.Plan, WriteIndicator, From(file));

        Initiatives(InitiativesCsv, content.Initiatives);
        Indicators(IndicatorsCsv, content.Indicators);
        parts[PlansJson] = WritePlansJson(content, Path.Combine(directory, PlansJson), From(PlansJson));
        WriteText(Path.Combine(directory, SchemaJson), writer => writer.Write(SchemaGenerator.ToJson(typeof(Plan), SchemaGenerator.ContentSchemas[0].Title)));
        WriteText(Path.Combine(directory, ReadmeTxt), writer => writer.Write(Readme()), Utf8WithBom);
        var byTopicAndMetric = new List<string>();
        foreach (var topic in content.Topics)
        {
            Initiatives(TopicCsv(topic.Id), content.InitiativesByTopic[topic.Id]);
            byTopicAndMetric.Add(TopicCsv(topic.Id));
        }
        foreach (var metric in content.Metrics)
        {
            Indicators(MetricCsv(metric.Id), content.IndicatorsByMetric[metric.Id]);
            byTopicAndMetric.Add(MetricCsv(metric.Id));
        }
        return ([InitiativesCsv, IndicatorsCsv, PlansJson, SchemaJson, ReadmeTxt, .. byTopicAndMetric], parts);
    }

    /// <summary>A CSV whose rows come plan by plan, in content order: the header, then each plan's rows as a part.</summary>
    private static PlanParts WriteCsvInParts<T>(string path, string[] header, IEnumerable<T> entries, Func<T, Plan> planOf, Action<CsvWriter, T> write, PartedFile.Previous? previous)
    {
        using var file = new PartedFile(path, Utf8WithBom, previous);
        using (var csv = CsvWriter.Create(file.Text, CsvOptions, true))
        {
            csv.WriteRecord(header);
            csv.Flush();
            foreach (var rows in entries.GroupBy(planOf))
            {
                file.Part(rows.Key, () =>
                {
                    foreach (var entry in rows) write(csv, entry);
                    csv.Flush();
                });
            }
        }
        return file.Complete();
    }

    /// <summary>
    /// plans.json: the document <see cref="ToJson"/> serializes whole (its property names named by the same policy),
    /// written with each plan's object as a part.
    /// </summary>
    private static PlanParts WritePlansJson(ContentSet content, string path, PartedFile.Previous? previous)
    {
        static string Name(string property) => OpenDataJson.Published.Options.PropertyNamingPolicy!.ConvertName(property);
        using var file = new PartedFile(path, Utf8NoBom, previous);
        file.Text.Write($"{{\"{Name(nameof(PlansDocument.Topics))}\":");
        JsonSerializer.Serialize(file.Bytes, content.Topics, OpenDataJson.Published.IReadOnlyListTopic);
        file.Text.Write($",\"{Name(nameof(PlansDocument.Metrics))}\":");
        JsonSerializer.Serialize(file.Bytes, content.Metrics, OpenDataJson.Published.IReadOnlyListMetric);
        file.Text.Write($",\"{Name(nameof(PlansDocument.Plans))}\":[");
        for (var i = 0; i < content.Plans.Count; i++)
        {
            if (i > 0) file.Text.Write(',');
            var plan = content.Plans[i];
            file.Part(plan, () => JsonSerializer.Serialize(file.Bytes, plan, OpenDataJson.Published.Plan));
        }
        file.Text.Write("]}\n");
        return file.Complete();
    }

    /// <summary>What each download holds, in Japanese: listed on /data/ and in README.txt.</summary>
    public static readonly IReadOnlyList<(string File, string Description)> Files =
    [
        (InitiativesCsv, "取組の一覧(1行1取組)。全国地方公共団体コード、柱・施策、番号、名称、担当課、新規、トピック(IDと名称)、取組のページのURL。topics/トピックID.csv はトピックごとの取組。"),
        (IndicatorsCsv, "指標の値(1行1値の縦持ち)。年度(西暦)、種別(基準値・目標値・実績値)、値、単位、修飾語、状態、注記。metrics/比較指標ID.csv は比較指標ごとの値。"),
        (PlansJson, "すべての計画とトピック・比較指標を、サイトと同じ構造で収めたJSON。"),
        (SchemaJson, "計画ファイルの構造を定義したJSON Schema。"),
        (ReadmeTxt, "ダウンロードの説明と、CSVの列の説明(日本語)。"),
    ];

    /// <summary>README.txt in the downloads: what the files are and what each column holds.</summary>
    public static string Readme() =>
        "DxCompare 自治体DX推進計画くらべ: ダウンロードデータ\r\n\r\n" +
        "文字コードはUTF-8(BOM付き)。Excelでそのまま開けます。年度は西暦、空欄は「値なし」でゼロではありません。\r\n" +
        string.Concat(Files.Where(f => f.File != ReadmeTxt).Select(f => $"{f.File}: {f.Description}\r\n")) + "\r\n" +
        "列の説明\r\n" + string.Concat(ColumnGuide.Select(c => $"{c.Column}\t{c.Description}\r\n"));

    private static void WriteText(string path, Action<TextWriter> write, UTF8Encoding? encoding = null)
    {
        using var writer = new StreamWriter(OutputFiles.Create(path), encoding ?? Utf8NoBom) { NewLine = "\n" };
        write(writer);
    }

    /// <summary>The normalized model as published in plans.json.</summary>
    public sealed record PlansDocument(IReadOnlyList<Topic> Topics, IReadOnlyList<Metric> Metrics, IReadOnlyList<Plan> Plans);

    public static string ToJson(ContentSet content) => JsonSerializer.Serialize(Document(content), OpenDataJson.Published.PlansDocument) + "\n";

    private static PlansDocument Document(ContentSet content) => new(content.Topics, content.Metrics, content.Plans);

    public static PlansDocument FromJson(string json) =>
        JsonSerializer.Deserialize(json, OpenDataJson.Published.PlansDocument) ?? throw new InvalidDataException("plans.json is empty");

    public static void WriteInitiatives(ContentSet content, TextWriter writer) => WriteInitiatives(content, writer, content.Initiatives, "");

    public static void WriteInitiatives(ContentSet content, TextWriter writer, IReadOnlyList<InitiativeEntry> entries, string baseUrl)
    {
        using var csv = CsvWriter.Create(writer, CsvOptions, true);
        csv.WriteRecord(InitiativeColumns);
        foreach (var entry in entries) WriteInitiative(content, csv, entry, baseUrl);
    }

    private static void WriteInitiative(ContentSet content, CsvWriter csv, InitiativeEntry entry, string baseUrl)
    {
        var i = entry.Initiative;
        csv.WriteRecord([
            entry.Municipality.Code, entry.Municipality.Name,
            Number(entry.Pillar.Number), entry.Pillar.Title,
            Number(entry.Policy?.Number), entry.Policy?.Title,
            Number(i.Number), i.Title,
            string.Join(';', i.Departments), i.IsNew ? "true" : "false", string.Join(';', i.Topics),
            string.Join(';', i.Topics.Select(t => content.TopicsById.TryGetValue(t, out var topic) ? topic.Label : t)),
            baseUrl.TrimEnd('/') + entry.Url,
            entry.Pillar.Printed, entry.Policy?.Printed, i.Printed, i.Key,
        ]);
    }

    public static void WriteIndicators(ContentSet content, TextWriter writer) => WriteIndicators(writer, content.Indicators);

    public static void WriteIndicators(TextWriter writer, IEnumerable<IndicatorEntry> entries)
    {
        using var csv = CsvWriter.Create(writer, CsvOptions, true);
        csv.WriteRecord(IndicatorColumns);
        foreach (var entry in entries) WriteIndicator(csv, entry);
    }

    /// <summary>An indicator's rows: one per value.</summary>
    private static void WriteIndicator(CsvWriter csv, IndicatorEntry entry)
    {
        var indicator = entry.Indicator;
        foreach (var value in indicator.Values.OrderBy(v => v.Fy).ThenBy(v => v.Type))
        {
            csv.WriteRecord([
                entry.Municipality.Code, entry.Municipality.Name,
                ModelName(entry.AttachedTo), Number(entry.AttachedNumber),
                Indicators.DisplayName(indicator), indicator.Metric, indicator.Kind.ToString(),
                Number(value.Fy), ModelName(value.Type),
                value.Value?.ToString(CultureInfo.InvariantCulture), indicator.Unit,
                value.Qualifier ?? indicator.Qualifier, value.Status,
                string.Join(" / ", new[] { indicator.ScopeNote, indicator.Note, value.Note }.Where(n => !string.IsNullOrWhiteSpace(n))),
                entry.AttachedLabel, indicator.MetricVariant, Number(value.Until), value.PeriodText, value.OutsidePeriod ? "true" : null,
                value.StatusClass is { } sc ? ModelName(sc) : null,
                Indicators.QualifierOf(value, indicator).Class is { } qc ? ModelName(qc) : null,
                value.Evaluation, Editions.Of(entry.Plan, value.Source)?.EvaluationLegend.FirstOrDefault(g => g.Grade == value.Evaluation)?.Meaning,
                Editions.Of(entry.Plan, value.Source)?.Id, Editions.Of(entry.Plan, value.Source)?.Title, Editions.Of(entry.Plan, value.Source)?.Published,
                Number(value.Page ?? (value.Source is null ? indicator.Page : null)),
                value.RevisedBy is { } later ? later.Source ?? Editions.Default(entry.Plan)?.Id : null,
                indicator.Decision, indicator.Definition,
            ]);
        }
    }

    private static readonly CsvWriterOptions CsvOptions = new() { NewLine = "\n" };

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string ModelName<T>(T value) where T : Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CsvHelper;
using DxCompare.Model;
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

    public static readonly string[] InitiativeColumns =
        ["lg_code", "municipality", "pillar_number", "pillar_title", "policy_number", "policy_title", "number", "title", "departments", "is_new", "topics"];

    public static readonly string[] IndicatorColumns =
        ["lg_code", "municipality", "attached_to", "attached_number", "indicator_name", "metric_id", "kind", "fy", "value_type", "value", "unit", "qualifier", "status_text", "note"];

    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static IReadOnlyList<string> WriteAll(ContentSet content, string directory)
    {
        Directory.CreateDirectory(directory);
        WriteText(Path.Combine(directory, InitiativesCsv), writer => WriteInitiatives(content, writer));
        WriteText(Path.Combine(directory, IndicatorsCsv), writer => WriteIndicators(content, writer));
        using (var json = File.Create(Path.Combine(directory, PlansJson)))
        {
            // Streamed: at 70,000 initiatives the document is hundreds of megabytes.
            JsonSerializer.Serialize(json, Document(content), JsonOptions);
            json.WriteByte((byte)'\n');
        }
        WriteText(Path.Combine(directory, SchemaJson), writer => writer.Write(SchemaGenerator.ToJson(typeof(Plan), SchemaGenerator.ContentSchemas[0].Title)));
        return [InitiativesCsv, IndicatorsCsv, PlansJson, SchemaJson];
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, append: false, Utf8NoBom) { NewLine = "\n" };
        write(writer);
    }

    /// <summary>The normalized model as published in plans.json.</summary>
    public sealed record PlansDocument(IReadOnlyList<Topic> Topics, IReadOnlyList<Metric> Metrics, IReadOnlyList<Plan> Plans);

    public static string ToJson(ContentSet content) => JsonSerializer.Serialize(Document(content), JsonOptions) + "\n";

    private static PlansDocument Document(ContentSet content) => new(content.Topics, content.Metrics, content.Plans);

    public static PlansDocument FromJson(string json) =>
        JsonSerializer.Deserialize<PlansDocument>(json, JsonOptions) ?? throw new InvalidDataException("plans.json is empty");

    public static void WriteInitiatives(ContentSet content, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, CsvOptions, true);
        csv.WriteRecord(InitiativeColumns);
        foreach (var entry in content.Initiatives)
        {
            var i = entry.Initiative;
            csv.WriteRecord([
                entry.Municipality.Code, entry.Municipality.Name,
                Number(entry.Pillar.Number), entry.Pillar.Title,
                Number(entry.Policy?.Number), entry.Policy?.Title,
                Number(i.Number), i.Title,
                string.Join(';', i.Departments), i.IsNew ? "true" : "false", string.Join(';', i.Topics),
            ]);
        }
    }

    public static void WriteIndicators(ContentSet content, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, CsvOptions, true);
        csv.WriteRecord(IndicatorColumns);
        foreach (var entry in content.Indicators)
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
                ]);
            }
        }
    }

    private static readonly CsvWriterOptions CsvOptions = new() { NewLine = "\n" };

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string ModelName<T>(T value) where T : Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using DxCompare.Model;

namespace DxCompare.Exports;

/// <summary>
/// The JSON the open data publishes (plans.json, `search --json`) and the synthetic corpus writes: the model's
/// YAML names (snake_case), Japanese unescaped. Serializers generated at compile time, so the generator needs no
/// reflection to write JSON and runs ahead-of-time compiled.
/// </summary>
[JsonSerializable(typeof(OpenDataExport.PlansDocument))]
[JsonSerializable(typeof(Plan))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(Cli.SearchCommand.SearchJson))]
internal sealed partial class OpenDataJson : JsonSerializerContext
{
    /// <summary>Indented, as plans.json and `search --json` are published.</summary>
    public static OpenDataJson Published { get; } = new(SnakeCaseOptions(JsonIgnoreCondition.Never));

    /// <summary>Indented, without null fields: a plan file as an editor would write it (the synthetic corpus).</summary>
    public static OpenDataJson PlanFile { get; } = new(SnakeCaseOptions(JsonIgnoreCondition.WhenWritingNull));

    private static JsonSerializerOptions SnakeCaseOptions(JsonIgnoreCondition ignore) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = ignore,
        WriteIndented = true,
    };
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace DxCompare.Exports;

/// <summary>
/// The JSON the open data publishes (plans.json, `search --json`, the synthetic corpus's templates.json): the model's
/// YAML names (snake_case), Japanese unescaped, without indentation (plans.json at 1,788 municipalities: 143 MB instead of
/// 289 MB; `jq .` shows it indented). Serializers generated at compile time, so the generator needs no reflection to write
/// JSON and runs ahead-of-time compiled.
/// </summary>
[JsonSerializable(typeof(OpenDataExport.PlansDocument))]
[JsonSerializable(typeof(Model.Plan))]
[JsonSerializable(typeof(IReadOnlyList<Model.Topic>))]
[JsonSerializable(typeof(IReadOnlyList<Model.Metric>))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(Cli.SearchCommand.SearchJson))]
internal sealed partial class OpenDataJson : JsonSerializerContext
{
    public static OpenDataJson Published { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}

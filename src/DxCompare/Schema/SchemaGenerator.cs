using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Schema;

/// <summary>
/// Builds the JSON Schema of each content file from <see cref="ModelCatalog"/>, the same metadata the
/// validator binds with, so editors' IDEs check exactly what `dxcompare validate` checks for shape.
/// </summary>
public static class SchemaGenerator
{
    public static readonly IReadOnlyList<(string FileName, Type Root, string Title)> ContentSchemas =
    [
        ("plan.schema.json", typeof(Plan), "DxCompare plan (content/plans/*.yml)"),
        ("topics.schema.json", typeof(TopicList), "DxCompare topics (content/topics.yml)"),
        ("metrics.schema.json", typeof(MetricList), "DxCompare metrics (content/metrics.yml)"),
        ("vocabulary.schema.json", typeof(VocabularyList), "DxCompare vocabulary (content/vocabulary.yml)"),
    ];

    /// <summary>The schema as JSON (draft-07), indented, with a final newline.</summary>
    public static string ToJson(Type root, string title)
    {
        var definitions = new JsonObject();
        var schema = new JsonObject { ["$schema"] = "http://json-schema.org/draft-07/schema#", ["title"] = title };
        DescribeObject(schema, root, definitions);
        if (definitions.Count > 0) schema["definitions"] = definitions;
        return schema.ToJsonString(Json).ReplaceLineEndings("\n") + "\n";
    }

    // A file for editors' IDEs, not a page: only what JSON itself requires is escaped (Japanese, <, + stay readable).
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A record type as a closed object: its type, required fields and properties, added to <paramref name="target"/>.</summary>
    private static void DescribeObject(JsonObject target, Type type, JsonObject definitions)
    {
        var required = new JsonArray();
        var properties = new JsonObject();
        foreach (var field in ModelCatalog.FieldsOf(type))
        {
            var property = new JsonObject { ["title"] = field.Label };
            switch (field.Shape)
            {
                case FieldShape.Object:
                    AddHint(property, field);
                    property["$ref"] = Reference(field.ElementType, definitions);
                    break;
                case FieldShape.ObjectList:
                    property["type"] = "array";
                    AddHint(property, field);
                    property["items"] = new JsonObject { ["$ref"] = Reference(field.ElementType, definitions) };
                    break;
                case FieldShape.TextList:
                    property["type"] = "array";
                    AddHint(property, field);
                    property["items"] = new JsonObject { ["type"] = "string" };
                    break;
                default:
                    DescribeScalar(field, property);
                    break;
            }
            properties[field.Name] = property;
            if (field.Required) required.Add((JsonNode)field.Name);
        }
        target["type"] = "object";
        target["additionalProperties"] = false;
        if (required.Count > 0) target["required"] = required;
        target["properties"] = properties;
    }

    private static void AddHint(JsonObject property, FieldSpec field)
    {
        if (field.Hint is { } hint) property["description"] = hint;
    }

    private static void DescribeScalar(FieldSpec field, JsonObject property)
    {
        var type = field.Shape switch
        {
            FieldShape.Integer => "integer",
            FieldShape.Number => "number",
            FieldShape.Boolean => "boolean",
            _ => "string",
        };
        // Several types are listed in name order (["integer", "null"]), as validators print them.
        property["type"] = !field.Required && field.Shape is not FieldShape.Boolean
            ? new JsonArray([.. new[] { type, "null" }.Order(StringComparer.Ordinal).Select(name => (JsonNode)name)])
            : type;
        AddHint(property, field);
        if (field.Pattern is { } pattern) property["pattern"] = pattern.Regex;
        if (field.FiscalYear is not null) { property["maximum"] = FiscalYear.Latest; property["minimum"] = FiscalYear.Earliest; }
        if (field.Range is { } range) { property["maximum"] = (decimal)range.Max; property["minimum"] = (decimal)range.Min; }
        if (field.Shape == FieldShape.Enum) property["enum"] = new JsonArray([.. ModelCatalog.EnumNames(field.ElementType).Select(name => (JsonNode)name)]);
    }

    /// <summary>"#/definitions/{type}", describing the type there the first time it is met.</summary>
    private static string Reference(Type type, JsonObject definitions)
    {
        if (!definitions.ContainsKey(type.Name))
        {
            var definition = new JsonObject();
            definitions[type.Name] = definition;
            DescribeObject(definition, type, definitions);
        }
        return "#/definitions/" + type.Name;
    }
}

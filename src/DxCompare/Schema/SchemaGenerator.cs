using DxCompare.Content;
using DxCompare.Model;
using NJsonSchema;

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

    public static JsonSchema For(Type root, string title)
    {
        var schema = new JsonSchema { SchemaVersion = "http://json-schema.org/draft-07/schema#" };
        var definitions = new Dictionary<Type, JsonSchema>();
        Describe(root, schema, definitions, schema);
        schema.Title = title;
        return schema;
    }

    public static string ToJson(Type root, string title) => For(root, title).ToJson().ReplaceLineEndings("\n") + "\n";

    private static void Describe(Type type, JsonSchema target, Dictionary<Type, JsonSchema> definitions, JsonSchema root)
    {
        target.Type = JsonObjectType.Object;
        target.AllowAdditionalProperties = false;
        foreach (var field in ModelCatalog.FieldsOf(type))
        {
            var property = new JsonSchemaProperty { Title = field.Label, Description = field.Hint };
            switch (field.Shape)
            {
                case FieldShape.Object:
                    property.Reference = Definition(field.ElementType, definitions, root);
                    break;
                case FieldShape.ObjectList:
                    property.Type = JsonObjectType.Array;
                    property.Item = new JsonSchema { Reference = Definition(field.ElementType, definitions, root) };
                    break;
                case FieldShape.TextList:
                    property.Type = JsonObjectType.Array;
                    property.Item = new JsonSchema { Type = JsonObjectType.String };
                    break;
                default:
                    DescribeScalar(field, property);
                    break;
            }
            target.Properties[field.Name] = property;
            if (field.Required) target.RequiredProperties.Add(field.Name);
        }
    }

    private static void DescribeScalar(FieldSpec field, JsonSchema property)
    {
        property.Type = field.Shape switch
        {
            FieldShape.Integer => JsonObjectType.Integer,
            FieldShape.Number => JsonObjectType.Number,
            FieldShape.Boolean => JsonObjectType.Boolean,
            _ => JsonObjectType.String,
        };
        if (!field.Required && field.Shape is not FieldShape.Boolean) property.Type |= JsonObjectType.Null;
        if (field.Shape == FieldShape.Enum) foreach (var name in ModelCatalog.EnumNames(field.ElementType)) property.Enumeration.Add(name);
        if (field.Pattern is { } pattern) property.Pattern = pattern.Regex;
        if (field.FiscalYear is not null) { property.Minimum = FiscalYear.Earliest; property.Maximum = FiscalYear.Latest; }
        if (field.Range is { } range) { property.Minimum = (decimal)range.Min; property.Maximum = (decimal)range.Max; }
    }

    private static JsonSchema Definition(Type type, Dictionary<Type, JsonSchema> definitions, JsonSchema root)
    {
        if (definitions.TryGetValue(type, out var existing)) return existing;
        var definition = new JsonSchema();
        definitions[type] = definition;
        root.Definitions[type.Name] = definition;
        Describe(type, definition, definitions, root);
        return definition;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using DxCompare.Model;

namespace DxCompare.Content;

public enum FieldShape { Text, Integer, Number, Boolean, Enum, Object, ObjectList, TextList }

/// <summary>
/// What the model says about one field. The binder, the validator, the JSON Schema and the CMS config
/// all read this, so the C# records stay the single source of truth. Attributes are read once here:
/// the binder asks for them for every value of every file.
/// </summary>
public sealed record FieldSpec(PropertyInfo Property, string Name, FieldShape Shape, Type ElementType)
{
    public bool Required { get; } = Has<RequiredFieldAttribute>(Property);
    public string Label { get; } = Find<LabelAttribute>(Property)?.Label ?? Name;
    public string? Hint { get; } = Find<LabelAttribute>(Property)?.Hint;
    public PatternAttribute? Pattern { get; } = Find<PatternAttribute>(Property);
    public BetweenAttribute? Range { get; } = Find<BetweenAttribute>(Property);
    public FiscalYearAttribute? FiscalYear { get; } = Find<FiscalYearAttribute>(Property);
    public ReferencesAttribute? References { get; } = Find<ReferencesAttribute>(Property);
    public VocabularyWordAttribute? VocabularyWord { get; } = Find<VocabularyWordAttribute>(Property);
    public SummaryAttribute? Summary { get; } = Find<SummaryAttribute>(Property);
    public bool Markdown { get; } = Has<MarkdownAttribute>(Property);
    public string? CmsWidget { get; } = Find<CmsWidgetAttribute>(Property)?.Widget;
    public LevelListAttribute? Level { get; } = Find<LevelListAttribute>(Property);
    public bool Multiline { get; } = Has<MarkdownAttribute>(Property) || Has<MultilineAttribute>(Property);

    private static T? Find<T>(PropertyInfo property) where T : Attribute => AttributesOf(property).OfType<T>().FirstOrDefault();

    private static bool Has<T>(PropertyInfo property) where T : Attribute => Find<T>(property) is not null;

    /// <summary>
    /// A property's attributes, read once: asked for one type at a time, the reflection looked every attribute's type up
    /// again for each question (a fiftieth of the real content's build, all before the first file was read).
    /// </summary>
    private static Attribute[] AttributesOf(PropertyInfo property) => Attributes.GetOrAdd(property, p => Attribute.GetCustomAttributes(p, inherit: true));

    private static readonly ConcurrentDictionary<PropertyInfo, Attribute[]> Attributes = new();
}

public static class ModelCatalog
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<FieldSpec>> Cache = new();

    public static string YamlName(string clrName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(clrName);

    /// <summary>An enum's values as YAML names (the binder asks for every value it reads).</summary>
    public static IReadOnlyList<string> EnumNames(Type enumType) => EnumNamesCache.GetOrAdd(enumType, type => [.. Enum.GetNames(type).Select(YamlName)]);

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> EnumNamesCache = new();

    /// <summary>The enum's value at a position of <see cref="EnumNames"/>; through its underlying numbers, which need no
    /// array of the enum type made at run time.</summary>
    public static object EnumValue(Type enumType, int position) => Enum.ToObject(enumType, Enum.GetValuesAsUnderlyingType(enumType).GetValue(position)!);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = AotSafety.OwnTypesKept)]
    public static IReadOnlyList<FieldSpec> FieldsOf(Type recordType) => Cache.GetOrAdd(recordType, type =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod?.IsPublic == true)
            .Select(p => Describe(p))]);

    /// <summary>A record type's fields by YAML name, as positions in <see cref="FieldsOf"/>.</summary>
    public static IReadOnlyDictionary<string, int> FieldPositions(Type recordType) => PositionsCache.GetOrAdd(recordType, type =>
        FieldsOf(type).Select((field, i) => (field.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal));

    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, int>> PositionsCache = new();

    private static FieldSpec Describe(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var (shape, element) = type switch
        {
            _ when type == typeof(string) => (FieldShape.Text, type),
            _ when type == typeof(int) => (FieldShape.Integer, type),
            _ when type == typeof(decimal) => (FieldShape.Number, type),
            _ when type == typeof(bool) => (FieldShape.Boolean, type),
            _ when type.IsEnum => (FieldShape.Enum, type),
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) =>
                type.GetGenericArguments()[0] == typeof(string)
                    ? (FieldShape.TextList, typeof(string))
                    : (FieldShape.ObjectList, type.GetGenericArguments()[0]),
            _ when type.IsClass => (FieldShape.Object, type),
            _ => throw new NotSupportedException($"{property.DeclaringType?.Name}.{property.Name}: unsupported type {type}"),
        };
        return new FieldSpec(property, YamlName(property.Name), shape, element);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace DxCompare.Model;

/// <summary>The Japanese label of an enum value, declared once with <see cref="LabelAttribute"/> on the value.</summary>
public static class EnumLabels
{
    private static readonly ConcurrentDictionary<(Type, string), string> Cache = new();

    public static string Label<T>(this T value) where T : struct, Enum => Of(typeof(T), value.ToString());

    /// <summary>The label of the enum value named <paramref name="name"/>; the name itself for enums whose names are already Japanese.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2080", Justification = AotSafety.OwnTypesKept)]
    public static string Of(Type enumType, string name) => Cache.GetOrAdd((enumType, name), key =>
    {
        var field = key.Item1.GetField(key.Item2, BindingFlags.Public | BindingFlags.Static)
            ?? throw new ArgumentException($"{key.Item1.Name} has no value {key.Item2}", nameof(name));
        return field.GetCustomAttribute<LabelAttribute>()?.Label ?? key.Item2;
    });
}

public static class ValueKindLabels
{
    /// <summary>基準, 目標, 実績: the prefix of a value in a one-line KPI chain.</summary>
    public static string ShortLabel(this ValueKind kind) => kind.Label()[..2];
}

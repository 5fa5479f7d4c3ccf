using System.Text.Json;
using System.Text.Json.Serialization;

namespace DxCompare.Model;

/// <summary>
/// Writes and reads an enum in JSON by its YAML name (snake_case, what editors type), as the open data publishes it.
/// One generic converter per enum, named on the enum, so that an ahead-of-time compiled generator knows every enum
/// converter it needs without making one at run time.
/// </summary>
public sealed class YamlNamedEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower)
    where TEnum : struct, Enum;

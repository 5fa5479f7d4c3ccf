namespace DxCompare.Model;

/// <summary>Why reflection over the generator's own types is safe in its ahead-of-time compiled publish.</summary>
internal static class AotSafety
{
    /// <summary>For model records, enums and anonymous message arguments read by reflection.</summary>
    internal const string OwnTypesKept = "The published generator keeps this assembly whole (DxCompare.csproj: TrimMode partial).";
}

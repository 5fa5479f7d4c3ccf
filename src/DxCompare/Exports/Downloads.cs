using System.Globalization;
using DxCompare.Model;
using Humanizer;

namespace DxCompare.Exports;

/// <summary>The open-data files a build wrote, with their sizes as /data/ shows them.</summary>
public sealed record Downloads(IReadOnlyDictionary<string, string> Sizes)
{
    public static readonly Downloads None = new(new Dictionary<string, string>());

    /// <summary>Writes every download into <paramref name="root"/>/data/ and reads back their sizes.</summary>
    public static Downloads Write(ContentSet content, string root, string baseUrl)
    {
        var folder = Path.Combine(root, SiteUrls.DataFolder);
        IEnumerable<string> files = [.. OpenDataExport.WriteAll(content, folder, baseUrl), .. Sheets.PlanWorkbooks.WriteAll(content, folder)];
        return new Downloads(files.ToDictionary(
            file => file,
            file => new FileInfo(Path.Combine(folder, file)).Length.Bytes().ToString("0.#", CultureInfo.InvariantCulture),
            StringComparer.Ordinal));
    }
}

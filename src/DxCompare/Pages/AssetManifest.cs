using System.Security.Cryptography;

namespace DxCompare.Pages;

/// <summary>
/// Theme assets copied with a content hash in their names (site.3f2a9c1b.css), so they can be cached
/// for a year and a change is picked up at once.
/// </summary>
public sealed class AssetManifest
{
    private readonly Dictionary<string, string> _published = new(StringComparer.Ordinal);

    public string this[string name] => _published.TryGetValue(name, out var path)
        ? path
        : throw new KeyNotFoundException($"theme asset '{name}' is missing from theme/assets/");

    public static AssetManifest Scan(string assetsDirectory)
    {
        var manifest = new AssetManifest();
        if (!Directory.Exists(assetsDirectory)) return manifest;
        foreach (var file in Directory.EnumerateFiles(assetsDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(assetsDirectory, file).Replace('\\', '/');
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..10];
            var extension = Path.GetExtension(relative);
            var fingerprinted = relative[..^extension.Length] + "." + hash + extension;
            manifest._published[relative] = "/assets/" + fingerprinted;
        }
        return manifest;
    }

    public void CopyTo(string assetsDirectory, string outputRoot)
    {
        foreach (var (relative, published) in _published)
        {
            var target = Path.Combine(outputRoot, published.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(assetsDirectory, relative), target, overwrite: true);
        }
    }
}

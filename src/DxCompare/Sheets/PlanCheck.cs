using System.Collections;
using System.Globalization;
using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Sheets;

/// <summary>
/// Checks a candidate plan file exactly as <c>validate</c> would: in a scratch copy of the content folder where
/// it replaces (or joins) the plans, loaded by <see cref="ContentLoader"/>. So an import applies every rule of
/// the loader, including those across plans (a code or slug already taken), and no second validator exists.
/// </summary>
public sealed class PlanCheck
{
    private PlanCheck(string candidatePath, IReadOnlyList<Diagnostic> diagnostics, Plan? plan)
    {
        CandidatePath = candidatePath;
        Diagnostics = diagnostics;
        Plan = plan;
    }

    public string CandidatePath { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The candidate as loaded, when the whole content (with it) is valid.</summary>
    public Plan? Plan { get; }

    public bool IsCandidate(Diagnostic diagnostic) =>
        string.Equals(Path.GetFullPath(diagnostic.File), CandidatePath, StringComparison.Ordinal);

    public static PlanCheck Run(string contentDirectory, string slug, string yaml)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "dxcompare-sheet-" + Guid.NewGuid().ToString("N"));
        try
        {
            var plans = Path.Combine(scratch, ContentLoader.PlansFolder);
            Directory.CreateDirectory(plans);
            foreach (var file in Directory.EnumerateFiles(contentDirectory))
                File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));
            var source = Path.Combine(contentDirectory, ContentLoader.PlansFolder);
            if (Directory.Exists(source))
            {
                foreach (var file in Directory.EnumerateFiles(source, "*.yml").Where(f => Path.GetFileNameWithoutExtension(f) != slug))
                    File.Copy(file, Path.Combine(plans, Path.GetFileName(file)));
            }
            var candidate = Path.Combine(plans, slug + ".yml");
            File.WriteAllText(candidate, yaml);
            var result = ContentLoader.Load(scratch);
            var plan = result.Succeeded ? result.Content!.Plans.FirstOrDefault(p => p.Municipality.Slug == slug) : null;
            return new PlanCheck(Path.GetFullPath(candidate), result.Diagnostics, plan);
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left in the temp folder is harmless.
            }
        }
    }
}

/// <summary>Field-by-field equality of model records as the catalog describes them; numbers compare with their printed precision (5.0 ≠ 5).</summary>
public static class ModelEquality
{
    /// <param name="gridAsSet">Compare each indicator's fiscal-year values regardless of order (the workbook's grid has none).</param>
    public static bool Equal(object? a, object? b, bool gridAsSet = false)
    {
        if (a is null || b is null) return a is null && b is null || IsEmpty(a) && IsEmpty(b);
        if (a is string || a.GetType().IsValueType)
        {
            return a is decimal x && b is decimal y
                ? x.ToString(CultureInfo.InvariantCulture) == y.ToString(CultureInfo.InvariantCulture)
                : a.Equals(b);
        }
        if (a is IEnumerable left && b is IEnumerable right) return Lists(left, right, gridAsSet, ordered: true);
        if (a.GetType() != b.GetType()) return false;
        return ModelCatalog.FieldsOf(a.GetType()).All(f => f.Shape == FieldShape.ObjectList && gridAsSet && YamlWriter.FlowItems(f)
            ? Lists((IEnumerable)f.Property.GetValue(a)!, (IEnumerable)f.Property.GetValue(b)!, gridAsSet, ordered: false)
            : Equal(f.Property.GetValue(a), f.Property.GetValue(b), gridAsSet));
    }

    private static bool Lists(IEnumerable left, IEnumerable right, bool gridAsSet, bool ordered)
    {
        var l = left.Cast<object>().ToList();
        var r = right.Cast<object>().ToList();
        if (l.Count != r.Count) return false;
        if (ordered) return l.Zip(r).All(p => Equal(p.First, p.Second, gridAsSet));
        var unmatched = new List<object>(r);
        foreach (var item in l)
        {
            var index = unmatched.FindIndex(other => Equal(item, other, gridAsSet));
            if (index < 0) return false;
            unmatched.RemoveAt(index);
        }
        return true;
    }

    /// <summary>Absent, "", false and [] all mean "not given".</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        ICollection c => c.Count == 0,
        _ => false,
    };
}

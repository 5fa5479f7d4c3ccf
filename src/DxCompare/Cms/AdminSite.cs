using System.Text.Json;
using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Cms;

/// <summary>
/// /admin/: Decap CMS self-hosted from the npm package's dist/ (no CDN), the generated config.yml, the
/// model facts the plugin needs (generated too), and the plugin from theme/admin/.
/// </summary>
public static class AdminSite
{
    public const string DefaultDecapDist = "node_modules/decap-cms/dist";

    /// <summary>
    /// <see cref="ValidationModel"/> on its own: the plugin reads it again before a save and when the editor moves
    /// to another entry, so that a topic, metric or word added in this session (serve --watch rebuilds /admin/
    /// but never reloads it) is known to the rules at once.
    /// </summary>
    public const string ValidationFile = "dxcompare-validation.json";

    /// <summary>Writes admin/ into the staged output. Returns false (with an explanatory page) when Decap is not installed.</summary>
    public static bool Write(string outputRoot, string themeDirectory, string decapDist, CmsOptions options, string siteCss, ContentSet content)
    {
        var admin = WriteContentFiles(outputRoot, options, siteCss, content);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(themeDirectory, "admin")))
            File.Copy(file, Path.Combine(admin, Path.GetFileName(file)), overwrite: true);

        var yamlDist = YamlDist(decapDist);
        var installed = File.Exists(Path.Combine(decapDist, "decap-cms.js")) && File.Exists(Path.Combine(yamlDist, "index.js"));
        if (installed)
        {
            var target = Path.Combine(admin, "decap");
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(decapDist).Where(IsRuntimeFile))
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            // The `yaml` package's browser modules: the plugin's lossless saves parse with them.
            var yaml = Path.Combine(admin, "yaml");
            Directory.CreateDirectory(yaml);
            foreach (var file in Directory.EnumerateFiles(yamlDist, "*.js"))
                File.Copy(file, Path.Combine(yaml, Path.GetFileName(file)), overwrite: true);
        }
        // theme/admin/index.html loads Decap; without it, the page that says how to install it takes its place.
        if (!installed) File.Copy(Path.Combine(themeDirectory, "admin", "unavailable.html"), Path.Combine(admin, "index.html"), overwrite: true);
        return installed;
    }

    /// <summary>
    /// The files of /admin/ made from the content and the options (the rest are copies of the theme and of Decap): all a
    /// plan edit can change there. Returns the /admin/ folder.
    /// </summary>
    public static string WriteContentFiles(string outputRoot, CmsOptions options, string siteCss, ContentSet content)
    {
        var admin = Path.Combine(outputRoot, "admin");
        Directory.CreateDirectory(admin);
        File.WriteAllText(Path.Combine(admin, "config.yml"), DecapConfig.ToYaml(options));
        File.WriteAllText(Path.Combine(admin, "dxcompare-model.js"), ModelScript(siteCss, content));
        File.WriteAllText(Path.Combine(admin, ValidationFile), ValidationModelJson(content));
        return admin;
    }

    /// <summary>node_modules/yaml/browser/dist beside node_modules/decap-cms/dist.</summary>
    public static string YamlDist(string decapDist) => Path.GetFullPath(Path.Combine(decapDist, "..", "..", "yaml", "browser", "dist"));

    // decap-cms.js and its ~90 webpack chunks and wasm; not the source maps or the second (cms.js) bundle.
    private static bool IsRuntimeFile(string path)
    {
        var name = Path.GetFileName(path);
        return name == "decap-cms.js" || name.EndsWith(".decap-cms.js", StringComparison.Ordinal)
            || name.EndsWith(".wasm", StringComparison.Ordinal) || name == "decap-cms.js.LICENSE.txt";
    }

    /// <summary>The vocabularies and numeric fields the plugin validates and normalizes with, from the model.</summary>
    public static string ModelScript(string siteCss, ContentSet content)
    {
        var vocabulary = content.Vocabulary;
        var numeric = AllTypes(typeof(Plan)).Concat(AllTypes(typeof(TopicList))).Concat(AllTypes(typeof(MetricList)))
            .SelectMany(ModelCatalog.FieldsOf)
            .Where(f => f.Shape is FieldShape.Integer or FieldShape.Number)
            .Select(f => f.Name).Distinct().Order(StringComparer.Ordinal);
        var model = new AdminModel(
            StatusWords: [.. vocabulary.StatusWords.Select(w => w.Word)],
            Qualifiers: [.. vocabulary.Qualifiers.Where(w => !Indicators.IsPrefix(w.Class)).Select(w => w.Word)],
            PrefixQualifiers: [.. vocabulary.Qualifiers.Where(w => Indicators.IsPrefix(w.Class)).Select(w => w.Word)],
            ValueTypes: ModelCatalog.EnumNames(typeof(ValueKind)),
            ValueTypeLabels: Labels<ValueKind>(),
            ActivityTypeLabels: Labels<ActivityType>(),
            FiscalYear: new(FiscalYear.Earliest, FiscalYear.Latest, FiscalYear.WarekiInput, FiscalYear.EraLetters),
            FiscalYearWidget: DecapConfig.FiscalYearWidget,
            Levels: LevelsModel(),
            Percent: Vocabulary.Percent,
            NumericFields: [.. numeric],
            CmsFormat: DecapConfig.LosslessFormat,
            Validation: ValidationModel(content),
            ValidationUrl: SiteUrls.Admin + ValidationFile,
            SiteCss: siteCss);
        var json = JsonSerializer.Serialize(model, AdminModelJson.Script.AdminModel);
        // Decap waits for the plugin (a module, run after decap-cms.js), which calls CMS.init().
        return $"// Generated by `dxcompare build` from the C# model. Do not edit by hand.\nwindow.DXCOMPARE_MODEL = {json};\nwindow.CMS_MANUAL_INIT = true;\n";
    }

    /// <summary>
    /// What theme/admin/level-list.js needs to name a level list with the plan's words: its widget, the plan field
    /// that holds the words (labels) and, for each level, the key of its word there.
    /// </summary>
    private static AdminModel.LevelWords LevelsModel()
    {
        var labels = ModelCatalog.FieldsOf(typeof(Plan)).Single(f => f.ElementType == typeof(LevelLabels));
        var words = ModelCatalog.FieldsOf(typeof(LevelLabels)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return new(DecapConfig.LevelListWidget, labels.Name,
            Enum.GetValues<PlanLevel>().ToDictionary(level => ModelCatalog.YamlName(level.ToString()), level =>
            {
                var word = ModelCatalog.YamlName(level.ToString());
                return words.Contains(word) ? word : throw new InvalidOperationException($"LevelLabels has no field for the level {level}");
            }));
    }

    /// <summary>
    /// What theme/admin/validate.js needs to apply the plan rules in the browser: the messages, the limits and
    /// patterns of <see cref="PlanRules"/>, and the vocabularies, topics and metrics of the content being edited.
    /// </summary>
    public static ValidationModel ValidationModel(ContentSet content) => new(
        Messages: ValidationMessages.Templates.ToDictionary(t => t.Key, t => new ValidationModel.Message(t.Value.En, t.Value.Ja)),
        ValueTypeLabels: Labels<ValueKind>(),
        Rules: new(PlanRules.HorizonYears, PlanScaffold.Placeholder().ToString(), ModelCatalog.YamlName(nameof(UnitClass.Percent)),
            new(PlanRules.ClassList<UnitClass>(), PlanRules.ClassList<QualifierClass>(), PlanRules.ClassList<StatusClass>())),
        Vocabulary: new(
            Units: content.Vocabulary.Units.DistinctBy(w => w.Word).ToDictionary(w => w.Word, w => ModelCatalog.YamlName(w.Class.ToString())),
            Qualifiers: content.Vocabulary.Qualifiers.DistinctBy(w => w.Word).ToDictionary(w => w.Word, w => ModelCatalog.YamlName(w.Class.ToString())),
            StatusWords: content.Vocabulary.StatusWords.DistinctBy(w => w.Word).ToDictionary(w => w.Word, w => ModelCatalog.YamlName(w.Class.ToString()))),
        Topics: [.. content.Topics.Select(t => t.Id)],
        Metrics: content.Metrics.DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => new ValidationModel.MetricUnits(m.Unit, m.Variants.DistinctBy(v => v.Id).ToDictionary(v => v.Id, v => v.Unit))));

    /// <summary>Each value of the enum by its YAML name, with its Japanese label.</summary>
    private static Dictionary<string, string> Labels<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(value => ModelCatalog.YamlName(value.ToString()), value => value.Label());

    /// <summary><see cref="ValidationModel"/> as JSON: the copy tests/cms-js/validate.test.js reads (tests/vectors/validation-model.json).</summary>
    public static string ValidationModelJson(ContentSet content) => JsonSerializer.Serialize(ValidationModel(content), AdminModelJson.File.ValidationModel) + "\n";

    private static IEnumerable<Type> AllTypes(Type root)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([root]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type)) continue;
            foreach (var field in ModelCatalog.FieldsOf(type).Where(f => f.Shape is FieldShape.Object or FieldShape.ObjectList))
                queue.Enqueue(field.ElementType);
        }
        return seen;
    }
}

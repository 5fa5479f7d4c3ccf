using DxCompare.Cms;
using DxCompare.Content;
using DxCompare.Model;
using DxCompare.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DxCompare.Tests.Cms;

public class DecapConfigTests
{
    private static YamlMappingNode Config()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(DecapConfig.ToYaml(new CmsOptions())));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Collection(string name) =>
        ((YamlSequenceNode)Config()["collections"]).Children.Cast<YamlMappingNode>().Single(c => c["name"].ToString() == name);

    private static IEnumerable<YamlMappingNode> Fields(YamlMappingNode parent) =>
        parent.Children.TryGetValue("fields", out var fields) ? ((YamlSequenceNode)fields).Children.Cast<YamlMappingNode>() : [];

    private static YamlMappingNode Field(YamlMappingNode parent, params string[] path) =>
        path.Aggregate(parent, (node, name) => Fields(node).Single(f => f["name"].ToString() == name));

    [Fact]
    public void Every_field_of_the_model_is_in_the_plan_form_with_its_japanese_label()
    {
        var plans = Collection("plans");
        void Check(Type type, YamlMappingNode node, string path)
        {
            foreach (var field in ModelCatalog.FieldsOf(type))
            {
                var config = Fields(node).SingleOrDefault(f => f["name"].ToString() == field.Name);
                Assert.True(config is not null, $"{path}.{field.Name} is missing from the CMS config");
                Assert.Equal(field.Label, config!["label"].ToString());
                Assert.Equal(field.Required ? "true" : "false", config["required"].ToString());
                if (field.Shape is FieldShape.Object or FieldShape.ObjectList && field.CmsWidget is null) Check(field.ElementType, config, $"{path}.{field.Name}");
            }
        }
        Check(typeof(Plan), plans, "plan");
        Assert.Equal("content/plans", plans["folder"].ToString());
        Assert.Equal("{{fields.municipality.slug}}", plans["slug"].ToString());
        Assert.Equal("true", plans["create"].ToString());
    }

    [Theory]
    [InlineData("select", "pillars", "policies", "initiatives", "indicators", "kind")]
    [InlineData("relation", "pillars", "policies", "initiatives", "indicators", "qualifier")]
    [InlineData("select", "pillars", "policies", "initiatives", "indicators", "direction")]
    [InlineData("relation", "pillars", "policies", "initiatives", "topics")]
    [InlineData("relation", "pillars", "policies", "initiatives", "indicators", "metric")]
    [InlineData("fy-values", "pillars", "policies", "initiatives", "indicators", "values")]
    [InlineData("markdown", "pillars", "policies", "initiatives", "content")]
    [InlineData("boolean", "pillars", "policies", "initiatives", "is_new")]
    [InlineData("fiscal-year", "period", "start")]
    [InlineData("fiscal-year", "pillars", "policies", "initiatives", "activities", "fy")]
    [InlineData("number", "pillars", "number")]
    [InlineData("list", "pillars", "initiatives", "activities")]
    public void Fields_get_the_right_widget(string widget, params string[] path) =>
        Assert.Equal(widget, Field(Collection("plans"), path)["widget"].ToString());

    [Fact]
    public void Lists_are_collapsed_with_summaries_that_show_numbers_and_titles()
    {
        var pillars = Field(Collection("plans"), "pillars");
        Assert.Equal("true", pillars["collapsed"].ToString());
        Assert.Equal("{{fields.number}} {{fields.title}}", pillars["summary"].ToString());
    }

    [Fact]
    public void Validator_rules_become_patterns_and_options()
    {
        var code = Field(Collection("plans"), "municipality", "code");
        Assert.Equal(@"^\d{6}$", ((YamlSequenceNode)code["pattern"]).Children[0].ToString());
        var kind = Field(Collection("plans"), "pillars", "policies", "initiatives", "indicators", "kind");
        Assert.Equal(["評価指標", "指標", "管理指標", "事業計画"], ((YamlSequenceNode)kind["options"]).Children.Cast<YamlMappingNode>().Select(o => o["value"].ToString()));
        var start = Field(Collection("plans"), "period", "start");
        Assert.Equal("1900", start["min"].ToString());
    }

    [Fact]
    public void Relation_targets_exist_in_the_taxonomy_files()
    {
        var taxonomies = Collection(DecapConfig.TaxonomyCollection);
        var files = ((YamlSequenceNode)taxonomies["files"]).Children.Cast<YamlMappingNode>().ToDictionary(f => f["name"].ToString());
        foreach (var path in new[] { new[] { "pillars", "policies", "initiatives", "topics" }, ["pillars", "policies", "initiatives", "indicators", "metric"] })
        {
            var relation = Field(Collection("plans"), path);
            Assert.Equal(DecapConfig.TaxonomyCollection, relation["collection"].ToString());
            var file = files[relation["file"].ToString()];
            Assert.True(File.Exists(Path.Combine(Repository.Root, file["file"].ToString())));
            var list = relation["file"].ToString();
            Assert.Equal($"{list}.*.id", relation["value_field"].ToString());
            Assert.Contains(Fields(file), f => f["name"].ToString() == list);
        }
    }

    [Fact]
    public void Production_backend_is_github_and_local_editing_uses_decap_server()
    {
        var config = Config();
        Assert.Equal("github", ((YamlMappingNode)config["backend"])["name"].ToString());
        Assert.Equal("http://localhost:8081/api/v1", ((YamlMappingNode)config["local_backend"])["url"].ToString());
        Assert.Equal("ja", config["locale"].ToString());
        Assert.Equal("editorial_workflow", config["publish_mode"].ToString());
    }

    [Fact]
    public void Plans_and_taxonomies_save_through_the_lossless_format_and_decap_server_port_is_configurable()
    {
        Assert.Equal(DecapConfig.LosslessFormat, Collection("plans")["format"].ToString());
        foreach (var file in ((YamlSequenceNode)Collection(DecapConfig.TaxonomyCollection)["files"]).Children.Cast<YamlMappingNode>())
            Assert.Equal(DecapConfig.LosslessFormat, file["format"].ToString());
        Assert.Contains("local_backend:\n  url: http://localhost:8090/api/v1", DecapConfig.ToYaml(new CmsOptions { LocalBackendPort = 8090 }).Replace("\r", "", StringComparison.Ordinal));
        Assert.Contains("connect-src 'self' http://localhost:8090 http://127.0.0.1:8090 ", DxCompare.Build.HeaderRules.AdminCsp(8090));
        Assert.Contains("window.CMS_MANUAL_INIT = true;", AdminSite.ModelScript("", new ContentSet([], [], [], [])));
    }
}

using DxCompare.Schema;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Content;

public class SchemaTests
{
    [Fact]
    public void Committed_schemas_match_the_model()
    {
        foreach (var (fileName, root, title) in SchemaGenerator.ContentSchemas)
        {
            var committed = File.ReadAllText(Path.Combine(Repository.ContentDirectory, "schema", fileName));
            Assert.True(committed == SchemaGenerator.ToJson(root, title), $"content/schema/{fileName} is out of date: run `dotnet run --project src/DxCompare -- schema`");
        }
    }

    [Fact]
    public void Plan_schema_carries_the_validator_rules()
    {
        var json = SchemaGenerator.ToJson(typeof(DxCompare.Model.Plan), "plan");
        Assert.Contains("\"pattern\": \"^\\\\d{6}$\"", json);
        Assert.Contains("\"evaluation_legend\"", json);
        Assert.Contains("\"評価指標\"", json);
        Assert.Contains("\"baseline\"", json);
        Assert.Contains("\"全国地方公共団体コード\"", json);
    }
}

using DxCompare.Tests.Support;

namespace DxCompare.Tests.Cms;

/// <summary>The CMS's lossless save (theme/admin/yaml-splice.js), in node: round trips of the real plans, edits, 5.0.</summary>
public class LosslessSaveTests
{
    [Fact]
    public void Node_tests_of_the_lossless_save_pass()
    {
        var output = BrowserSearch.Node("--test", "tests/cms-js/");
        Assert.Contains("# fail 0", output);
    }
}

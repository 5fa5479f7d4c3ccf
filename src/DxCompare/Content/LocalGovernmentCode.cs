namespace DxCompare.Content;

/// <summary>The 6-digit 全国地方公共団体コード: five digits and a modulus-11 check digit.</summary>
public static class LocalGovernmentCode
{
    /// <summary>The check digit for the first five digits: 11 minus (Σ digit × weight 6..2) mod 11, last digit.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstFive)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++) sum += (firstFive[i] - '0') * (6 - i);
        return (11 - sum % 11) % 10;
    }

    public static bool IsValid(string code) =>
        code.Length == 6 && code.All(char.IsAsciiDigit) && CheckDigit(code.AsSpan(0, 5)) == code[5] - '0';
}

using System.Security.Cryptography;

namespace Kitt.Dashboard.Security;

/// <summary>Random passwords for first sign-in and resets; they always satisfy the password rules.</summary>
public static class OneTimePassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>Four groups of five (e.g. <c>Kxqpr-7mTz4-…</c>): easy to read aloud, about 110 bits of entropy.</summary>
    public static string Create()
    {
        var all = Upper + Lower + Digits;
        var groups = new[]
        {
            RandomNumberGenerator.GetString(Upper, 1) + RandomNumberGenerator.GetString(all, 4),
            RandomNumberGenerator.GetString(Digits, 1) + RandomNumberGenerator.GetString(all, 4),
            RandomNumberGenerator.GetString(Lower, 1) + RandomNumberGenerator.GetString(all, 4),
            RandomNumberGenerator.GetString(all, 5),
        };
        return string.Join('-', groups);
    }
}

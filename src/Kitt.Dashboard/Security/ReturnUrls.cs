namespace Kitt.Dashboard.Security;

public static class ReturnUrls
{
    /// <summary>Only paths on this site: a crafted <c>?returnUrl=//evil.example</c> must not leave it.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal);

    public static string OrHome(string? url, IEnumerable<string> roles)
    {
        var candidate = url is { Length: > 0 } && url[0] != '/' ? "/" + url : url;
        return IsLocal(candidate) && !candidate!.StartsWith("/account", StringComparison.OrdinalIgnoreCase)
            ? candidate
            : Roles.HomeOf(roles);
    }
}

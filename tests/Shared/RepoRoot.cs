namespace Kitt.Testing;

/// <summary>The repository's root folder (the one holding Kitt.Dashboard.sln), found from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kitt.Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kitt.Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}

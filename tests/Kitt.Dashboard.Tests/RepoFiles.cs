namespace Kitt.Dashboard.Tests;

/// <summary>Finds files of the repository itself, to compare what the app serves with what is checked in.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kitt.Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kitt.Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}

using Kitt.Dashboard.Alerts.Notifications;

namespace Kitt.Dashboard.Tests.Alerts.Notifications;

/// <summary>Alertmanager's matchers as routes and silences read them: anchored regexes, negations, missing labels as empty.</summary>
public sealed class MatcherTests
{
    [Theory]
    [InlineData("source=db-1", "db-1", true)]
    [InlineData("source=db-1", "db-10", false)]
    [InlineData("source!=db-1", "db-1", false)]
    [InlineData("source=~db-.*", "db-7", true)]
    [InlineData("source=~db-.*", "xdb-7", false)]
    [InlineData("source=~db", "db-7", false)]
    [InlineData("source=~ab?c", "ac", true)]
    [InlineData("source=~ab*c", "ac", true)]
    [InlineData("source=~ab+c", "abbc", true)]
    [InlineData("source=~ab+c", "ac", false)]
    [InlineData("source=~a{0,2}x", "x", true)]
    [InlineData("source=~web|db", "db", true)]
    [InlineData("source=~(?i)WEB-1", "web-1", true)]
    [InlineData("source!~web-.*", "web-2", false)]
    [InlineData("source!~web-.*", "db-2", true)]
    [InlineData("team=", "anything", true)]
    [InlineData("team=ops", "anything", false)]
    [InlineData("source = \"db-1\"", "db-1", true)]
    public void A_matcher_matches_as_alertmanagers_does(string text, string source, bool matches) =>
        Assert.Equal(matches, Matcher.Parse(text).Matches(new Dictionary<string, string> { ["source"] = source }));

    [Theory]
    [InlineData("severity")]
    [InlineData("=critical")]
    [InlineData("1st=x")]
    [InlineData("source=~(db")]
    public void Text_that_is_no_matcher_is_refused_saying_why(string text) =>
        Assert.NotEmpty(Assert.Throws<ArgumentException>(() => Matcher.Parse(text)).Message);

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("0s", 0)]
    [InlineData("2d", 172800)]
    public void Durations_read_as_alertmanager_writes_them(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text));
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(Durations.Format(TimeSpan.FromSeconds(seconds))));
    }
}

using Kitt.Dashboard.Alerts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Kitt.Dashboard.Tests.Alerts;

public sealed class AlertFilterTests
{
    [Theory]
    [InlineData("severity=loud", "severity")]
    [InlineData("severity=1", "severity")]
    [InlineData("state=burning", "state")]
    [InlineData("from=2026-11-25T12:00:00Z&to=2026-11-25T11:00:00Z", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("take=1000000", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("unread=maybe", "unread")]
    [InlineData("sort=colour", "sort")]
    public void Bad_input_names_the_parameter(string query, string parameter)
    {
        Assert.False(AlertFilter.TryParse(Query(query), out _, out var errors));
        Assert.Contains(parameter, errors.Keys);
    }

    [Fact]
    public void A_filter_survives_the_round_trip_through_its_query_string()
    {
        Assert.True(AlertFilter.TryParse(Query(
            "severity=critical,warning&type=cpu&source=host&state=firing&q=disk%20full&from=2026-11-25T10:00:00Z&unread=true&sort=severity&order=asc"),
            out var filter, out _));

        Assert.True(AlertFilter.TryParse(Query(filter.ToQuery()), out var again, out _));

        Assert.Equal(filter.Severities, again.Severities);
        Assert.Equal(filter with { Severities = again.Severities }, again);
        Assert.Equal("disk full", again.Text);
        Assert.Equal(AlertSort.Severity, again.Sort);
        Assert.False(again.Descending);
    }

    [Fact]
    public void Text_search_terms_become_quoted_phrases_so_typed_operators_stay_words()
    {
        var phrases = FullText.Phrases("cpu NEAR \"x router-7 Zürich");

        Assert.Equal(["cpu", "near", "x", "router 7", "zurich"], phrases);
        Assert.Equal("\"cpu\"* AND \"near\"* AND \"x\"* AND \"router 7\"* AND \"zurich\"*", FullText.Match(phrases, prefix: true));
        Assert.Equal("\"cpu\"* AND (\"router 7\" OR \"router 70\")", FullText.Match(["cpu", "router 7"], prefix: true, [null, ["7", "70"]]));
        Assert.Equal("\"cpu\" AND \"router 7\"", FullText.Match(["cpu", "router 7"], prefix: false));
        Assert.Equal("\"cpu\" AND \"router 7\"", FullText.Match(["cpu", "router 7"], prefix: true, [["cpu"], ["7"]])); // the same as whole words
        Assert.Empty(FullText.Phrases("  \" -- "));
    }

    [Fact]
    public void A_prefix_ends_at_its_last_character_one_higher()
    {
        Assert.Equal("ledges", FullText.PrefixEnd("ledger"));
        Assert.Equal("zurici", FullText.PrefixEnd("zurich"));
        Assert.Equal("a\U0001F601", FullText.PrefixEnd("a\U0001F600")); // a character beyond the BMP
        Assert.Null(FullText.PrefixEnd("\U0010FFFF"));
    }

    [Fact]
    public void Words_are_letters_and_digits_lower_cased_with_accents_folded_each_between_spaces()
    {
        Assert.Equal(" cpu on router 7 92 5 ", FullText.Words("CPU on router-7", "92.5 %"));
        Assert.Equal(" zurich ", FullText.Words("Zu\u0308rich")); // a decomposed accent reads as the composed one
        Assert.Equal(" zurich malmo łodz ", FullText.Words("ZÜRICH", "Malmö", "Łódź")); // Ł is a letter of its own, not L with a mark
        Assert.Equal(" 東京 ", FullText.Words("東京!"));
        Assert.Equal(" ", FullText.Words("", "-- ", null));
    }

    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));
}

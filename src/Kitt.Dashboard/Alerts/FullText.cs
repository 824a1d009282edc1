using System.Globalization;
using System.Text;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// What an alert search reads as words, in one place for the two ways a search runs: through the <c>alerts_fts</c>
/// index over each alert's <see cref="Alert.SearchText"/>, and by testing that text row by row while walking an index
/// in sort order. Both see the same words, so both find the same alerts. A word is a run of letters and digits,
/// lower-cased, accents folded ("Zürich" is "zurich"); everything else separates words.
/// </summary>
public static class FullText
{
    // Latin letters with diacritics (Latin-1, Extended-A/B, Extended Additional) and their base letters, from their
    // canonical decompositions: the runtime runs without ICU (invariant globalization), so string.Normalize cannot do this.
    private const string Accented =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊ" +
        "ċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚś" +
        "ŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬ" +
        "ǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋ" +
        "ḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋ" +
        "ṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋ" +
        "ẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐố" +
        "ỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

    private const string Bases =
        "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccc" +
        "cccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrss" +
        "ssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkooo" +
        "ojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccdd" +
        "ddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnn" +
        "oooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxx" +
        "xxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooo" +
        "oooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";
    private static readonly Dictionary<char, char> Folded = Accented.Zip(Bases).ToDictionary(p => p.First, p => p.Second);

    /// <summary>The words of an alert's texts as stored with it: each word with one space before and after it.</summary>
    public static string Words(params ReadOnlySpan<string?> texts)
    {
        var words = new StringBuilder(" ");
        foreach (var text in texts)
        {
            foreach (var rune in (text ?? "").EnumerateRunes())
            {
                switch (Rune.GetUnicodeCategory(rune))
                {
                    case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                        break; // a decomposed accent: "u" + U+0308 reads as "u", as "ü" does
                    case var category when Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber:
                        var folded = rune.IsBmp && Folded.TryGetValue((char)rune.Value, out var plain) ? new Rune(plain) : rune;
                        words.Append(Rune.ToLowerInvariant(folded).ToString());
                        break;
                    default:
                        Separate(words);
                        break;
                }
            }

            Separate(words);
        }

        return words.ToString();
    }

    /// <summary>
    /// What a person typed, as phrases that must all occur: each whitespace-separated term read as words, so
    /// "router-7" is the phrase "router 7". Empty when nothing in it is a word.
    /// </summary>
    public static IReadOnlyList<string> Phrases(string? text) =>
        [.. (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(term => Words(term).Trim())
            .Where(phrase => phrase.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The FTS5 query for the phrases: each must occur. A phrase's last word is one of its <paramref name="lastWords"/>
    /// when they are given (the stored words it starts), else, with <paramref name="prefix"/>, any word it starts.
    /// Phrases hold only letters, digits and spaces, so quoting them leaves no FTS5 syntax to read.
    /// </summary>
    public static string Match(IReadOnlyList<string> phrases, bool prefix, IReadOnlyList<IReadOnlyList<string>?>? lastWords = null) =>
        string.Join(" AND ", phrases.Select((phrase, i) => lastWords?[i] switch
        {
            [var word] => Ending(phrase, word),
            { Count: > 1 } words => "(" + string.Join(" OR ", words.Select(word => Ending(phrase, word))) + ")",
            _ => prefix ? $"\"{phrase}\"*" : $"\"{phrase}\"",
        }));

    /// <summary>
    /// The index's word for one facet of an alert: <paramref name="kind"/> (<c>t</c> type, <c>s</c> source) before the
    /// value's UTF-8 in hex, as the index's view spells it (SQLite's <c>hex</c>, which the tokenizer lower-cases).
    /// </summary>
    public static string Facet(char kind, string value) => kind + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value));

    /// <summary>The index's word for an alert's severity.</summary>
    public static string Facet(AlertSeverity severity) => "v" + ((int)severity).ToString(CultureInfo.InvariantCulture);

    /// <summary>The last word of a phrase.</summary>
    public static string LastWord(string phrase) => phrase[(phrase.LastIndexOf(' ') + 1)..];

    /// <summary>
    /// The first text after every word that starts with <paramref name="word"/>, in SQLite's order of text (by code
    /// point): the word with its last character one higher. Null when there is no such character.
    /// </summary>
    public static string? PrefixEnd(string word)
    {
        var last = Rune.GetRuneAt(word, word.Length - (char.IsLowSurrogate(word[^1]) ? 2 : 1));
        return Rune.IsValid(last.Value + 1) ? word[..^last.Utf16SequenceLength] + new Rune(last.Value + 1) : null;
    }

    /// <summary>
    /// The text an alert's <see cref="Alert.SearchText"/> contains exactly when the phrase occurs in it as in the FTS5
    /// query: every stored word has one space before and after it, so the phrase's first word starts a word there,
    /// and its last one ends there too unless it may be a word's start.
    /// </summary>
    public static string Needle(string phrase, bool prefix) => prefix ? $" {phrase}" : $" {phrase} ";

    /// <summary>The phrase, quoted, with <paramref name="word"/> for its last word.</summary>
    private static string Ending(string phrase, string word) => $"\"{phrase[..(phrase.LastIndexOf(' ') + 1)]}{word}\"";

    private static void Separate(StringBuilder words)
    {
        if (words[^1] != ' ')
        {
            words.Append(' ');
        }
    }
}

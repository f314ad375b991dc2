namespace QuizPlatform.Grading.Text;

/// <summary>What a word does in its sentence, as far as keyword extraction needs to know.</summary>
internal enum WordClass : byte
{
    /// <summary>A noun or a word that names something: may head a keyword.</summary>
    Noun,
    /// <summary>Describes the noun after it ("stable storage", "labeled data"); alone, not a keyword.</summary>
    Modifier,
    /// <summary>A general verb in its verb use ("sends", "happens", "is established"): never a keyword.</summary>
    Verb,
    /// <summary>An adverb ("forever", "instead", "automatically") or a preposition ("behind", "per"): never in a keyword.</summary>
    Other,
}

/// <summary>
/// A small part-of-speech guesser for model answers: a closed list of the general verbs, adverbs and adjectives of
/// explanations in any field, read in context (a listed verb after "the" is a noun: "the map", "a record"; a
/// participle before a noun describes it: "reduced training time"). Words of the subject are not listed, so they
/// stay nouns: "backpropagation", "denatures", "fine-tuned" keep their place as keywords.
/// </summary>
internal static class WordClasses
{
    /// <summary>Each token's class; <paramref name="sentenceStart"/> tells a sentence's first word from a clause's after a comma.</summary>
    public static WordClass[] Classify(List<Token> tokens, bool[] sentenceStart)
    {
        var classes = new WordClass[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
            classes[i] = IsVerbAfterAComma(tokens, sentenceStart, classes, i) ? WordClass.Verb : Classify(tokens, i);
        return classes;
    }

    /// <summary>
    /// Whether a clause has a verb between its subject and what follows ("pooling reduces spatial size", "ReLU
    /// avoids vanishing gradients"): what a sentence has and a list of terms lacks. That is a word read as a verb
    /// here with a word of its clause on each side and at most three nouns in a row after it (more are a list:
    /// "convolution filters kernels edges layers"), but neither an "-ing" form, which also names ("pooling
    /// layers"), nor a word with a noun's ending ("activation functions"), nor an "-s" form after a plural
    /// ("weights updates gradients" are three nouns). After a pronoun or an "-ly" adverb no noun stands, so an "-s"
    /// word there is a verb whatever follows ("it dissolves", "randomly flips, crops"), and so is an "-ed" word
    /// after a pronoun (after an adverb it describes: "fully connected layers"). A word after "to" has no subject,
    /// and a capitalised one inside a sentence names a thing ("Faster Training Increased Model Capacity" is a run
    /// of headings).
    /// </summary>
    public static bool HasVerbAfterItsSubject(List<Token> tokens, bool[] sentenceStart)
    {
        var classes = Classify(tokens, sentenceStart);
        for (var i = 1; i < tokens.Count; i++)
        {
            string folded = tokens[i].Term.Folded, previous = tokens[i - 1].Term.Folded;
            if (tokens[i].Has(TokenFlags.ClauseBreakBefore) || previous == "to" || tokens[i].Has(TokenFlags.Capitalised) && !sentenceStart[i]) continue;
            var objectSide = i + 1 < tokens.Count && !tokens[i + 1].Has(TokenFlags.ClauseBreakBefore) && NounsAfter(tokens, classes, i) <= 3;
            var readAsVerb = classes[i] == WordClass.Verb && objectSide && !folded.EndsWith("ing", StringComparison.Ordinal)
                             && !Array.Exists(NounEndings, e => folded.EndsWith(e, StringComparison.Ordinal)) && !(folded.EndsWith('s') && IsPlural(previous));
            var afterPronoun = SubjectPronouns.Contains(previous) && (IsPlural(folded) || IsPast(folded));
            // "Historians usually name four causes": a base form after an adverb after a plural subject.
            var afterPluralAndAdverb = IsLyAdverb(previous) && i >= 2 && !tokens[i - 1].Has(TokenFlags.ClauseBreakBefore)
                                       && IsPlural(tokens[i - 2].Term.Folded) && objectSide && !IsPlural(folded) && !IsPast(folded)
                                       && !folded.EndsWith("ing", StringComparison.Ordinal) && classes[i] is WordClass.Verb or WordClass.Noun;
            if (readAsVerb || afterPronoun || IsLyAdverb(previous) && IsPlural(folded) || afterPluralAndAdverb) return true;
        }
        return false;
    }

    /// <summary>How many nouns and describing words follow <paramref name="i"/> in its clause, up to a function word or another class.</summary>
    private static int NounsAfter(List<Token> tokens, WordClass[] classes, int i)
    {
        var k = i + 1;
        while (k < tokens.Count && !tokens[k].Has(TokenFlags.ClauseBreakBefore) && !tokens[k].Term.IsStop
               && classes[k] is WordClass.Noun or WordClass.Modifier) k++;
        return k - i - 1;
    }

    private static readonly string[] NounEndings = ["tion", "sion", "ness", "ity", "ism"];

    private static bool HasNounEnding(string folded)
    {
        var singular = folded.EndsWith('s') && !folded.EndsWith("ness", StringComparison.Ordinal) ? folded[..^1] : folded;
        return Array.Exists(NounEndings, e => singular.EndsWith(e, StringComparison.Ordinal)) || singular.Length > 7 && singular.EndsWith("ment", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> SubjectPronouns = new(StringComparer.Ordinal) { "it", "he", "she", "this", "that", "which", "who" };

    /// <summary>
    /// An unlisted word that opens a clause after a comma, or a bracket, and is its verb: an "-ing" form before its
    /// object ("shaping, reinforcing successive approximations"), or an "-ed" form the sentence's subject was waiting
    /// for, as no verb came before it ("the arms race, including the naval race, raised tension"; "the learner, a
    /// confederate, screamed"). After the sentence's verb, an "-ed" word after a comma describes ("the recession
    /// brought rising prices, depressed wages").
    /// </summary>
    private static bool IsVerbAfterAComma(List<Token> tokens, bool[] sentenceStart, WordClass[] classes, int i)
    {
        var term = tokens[i].Term;
        if (i == 0 || sentenceStart[i] || !tokens[i].Has(TokenFlags.ClauseBreakBefore) || term.IsStop || VerbStems.Contains(term.Stem)
            || Adjectives.Contains(term.Folded)) return false;
        if (i + 1 < tokens.Count && tokens[i + 1].Has(TokenFlags.JoinedToPrevious)) return false;
        if (term.Folded.EndsWith("ing", StringComparison.Ordinal)) return ObjectNext(tokens, i) && term.Folded.Length > 5;
        if (!IsPast(term.Folded)) return false;
        for (var k = i - 1; k >= 0; k--)
        {
            var word = tokens[k].Term.Folded;
            var finite = classes[k] == WordClass.Verb && !word.EndsWith("ing", StringComparison.Ordinal);
            if (finite || Auxiliaries.Contains(word) || Modals.Contains(word)) return false;
            // "The economy was stagnating, and the reforms, glasnost and perestroika, loosened control": a new clause.
            // "... to continue, although the learner, a confederate, screamed": so is a subordinate clause.
            if (sentenceStart[k] || tokens[k].Has(TokenFlags.ClauseBreakBefore) && tokens[k].Term.Folded is "and" or "but" || Subordinators.Contains(word)) return true;
        }
        return true;
    }

    /// <summary>A content word or a determiner follows in the same clause.</summary>
    private static bool ObjectNext(List<Token> tokens, int i) =>
        i + 1 < tokens.Count && !tokens[i + 1].Has(TokenFlags.ClauseBreakBefore)
        && (!tokens[i + 1].Term.IsStop || Determiners.Contains(tokens[i + 1].Term.Folded));

    private static bool IsPast(string folded) => folded.Length > 4 && folded.EndsWith("ed", StringComparison.Ordinal) && !folded.EndsWith("eed", StringComparison.Ordinal);

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal)
    {
        "can", "cannot", "could", "may", "might", "must", "shall", "should", "will", "would", "do", "does", "did",
    };

    private static WordClass Classify(List<Token> tokens, int i)
    {
        var term = tokens[i].Term;
        if (term.IsStop || tokens[i].Has(TokenFlags.Acronym)) return WordClass.Noun;
        var previous = i > 0 && !tokens[i].Has(TokenFlags.ClauseBreakBefore) ? tokens[i - 1].Term.Folded : "";
        // "non-overlapping", "count-to-infinity": a hyphenated word takes the class of the compound, read at its end.
        if (i + 1 < tokens.Count && tokens[i + 1].Has(TokenFlags.JoinedToPrevious)) return WordClass.Noun;
        var nextIsContent = i + 1 < tokens.Count && !tokens[i + 1].Has(TokenFlags.ClauseBreakBefore) && !tokens[i + 1].Term.IsStop;
        var nextIsDeterminer = i + 1 < tokens.Count && !tokens[i + 1].Has(TokenFlags.ClauseBreakBefore) && Determiners.Contains(tokens[i + 1].Term.Folded);
        if (Adverbs.Contains(term.Folded) || IsLyAdverb(term.Folded) || Quantities.Contains(term.Folded)) return WordClass.Other;
        // "the first layer" describes; "the model first generates" says when.
        if (Ordinals.Contains(term.Folded)) return nextIsContent && !AfterNoun(tokens, i) ? WordClass.Modifier : WordClass.Other;
        if (Adjectives.Contains(term.Folded) && EndsANounPhrase(tokens, i)) return WordClass.Noun;
        if (Adjectives.Contains(term.Folded) || HasAdjectiveEnding(term.Folded)) return WordClass.Modifier;
        var folded = term.Folded;
        // "is proportional to", "more expensive and", "fell silent.": what a copula says of a noun with its complement, a
        // degree word says of it or a linking verb ends its clause on, is no noun ("children are egocentric and" may well
        // be the point).
        var next = i + 1 < tokens.Count && !tokens[i + 1].Has(TokenFlags.ClauseBreakBefore) ? tokens[i + 1].Term.Folded : "";
        if (!nextIsContent && EndsLikeAnAdjective(folded) && !folded.EndsWith('s')
            && (DegreeWords.Contains(previous) || Auxiliaries.Contains(previous) && next is "to" or "than" or "of" or "with" or "for"
                || LinkingVerbs.Contains(previous) && next.Length == 0))
            return WordClass.Modifier;
        if (previous is "and" or "or" && IsCoordinatedVerb(tokens, i, nextIsDeterminer, nextIsContent)) return WordClass.Verb;
        // "negative automatic thoughts", "rich semantic information": an "-ic" or "-ive" word between content words
        // describes the noun after it ("the volcanic phase" names a phase by it, so the word alone may be a keyword).
        if (nextIsContent && previous.Length > 0 && !tokens[i - 1].Term.IsStop && folded.Length > 5
            && (folded.EndsWith("ic", StringComparison.Ordinal) || folded.EndsWith("ive", StringComparison.Ordinal)))
            return WordClass.Modifier;
        if (OnlyVerbs.Contains(folded)) return WordClass.Verb;
        if (!VerbStems.Contains(term.Stem) && IsUnlistedVerb(tokens, i, folded)) return WordClass.Verb;
        // "development", "requirements": a listed verb's noun, by its ending.
        if (!VerbStems.Contains(term.Stem) || Determiners.Contains(previous) || HasNounEnding(folded)) return WordClass.Noun;
        // "ensuring scalability", "by adding random noise": a listed verb's -ing form takes an object, not a noun's place.
        if (folded.EndsWith("ing", StringComparison.Ordinal)) return WordClass.Verb;
        if (Prepositions.Contains(previous)) return WordClass.Noun;
        // A participle before a noun describes it ("reduced training time"), unless a subject or "to" makes it a verb:
        // after a noun, it is the noun's verb ("Napoleon carried nationalism").
        if (folded.EndsWith("ed", StringComparison.Ordinal) || folded.EndsWith('n'))
            return nextIsContent && !VerbPrompters.Contains(previous) && !AfterNoun(tokens, i) ? WordClass.Modifier : WordClass.Verb;
        // "the window doubles", "it sends": a listed verb with an -s after a noun or pronoun is the verb of the clause;
        // after an acronym it names what the acronym qualifies ("MAC addresses and ..."), unless an object follows
        // ("NAT rewrites the", "FCN uses transposed").
        if (folded.EndsWith('s') && !folded.EndsWith("ss", StringComparison.Ordinal))
            return Counted(tokens, i) || previous.Length > 0 && tokens[i - 1].Has(TokenFlags.Acronym) && !nextIsDeterminer && !nextIsContent ? WordClass.Noun : WordClass.Verb;
        // A base form after a singular noun heads a compound ("rent control", "IP address"); after a plural
        // subject ("hosts share", "mitochondria produce"), "to", "can" or "and", it is a verb.
        var afterNoun = previous.Length > 0 && !tokens[i - 1].Term.IsStop && !previous.EndsWith('s') && !IrregularPlurals.Contains(previous)
                        && !AlwaysVerbs.Contains(folded);
        return afterNoun ? WordClass.Noun : WordClass.Verb;
    }

    /// <summary>
    /// A subject's own verb, known by its place: after a noun, an irregular past ("the ultimatum drew"), a word in "-ed" that ends its phrase ("the blockade
    /// deepened the split", "the features learned by") or in "-s" before a determiner ("the enzyme lowers the energy").
    /// </summary>
    private static bool IsUnlistedVerb(List<Token> tokens, int i, string folded)
    {
        if (i == 0 || tokens[i].Has(TokenFlags.ClauseBreakBefore)) return false;
        var past = IsPast(folded);
        // "a loss is detected", "it has evolved", "the transaction that has done the least work": a passive or perfect.
        if ((past || AlwaysVerbs.Contains(folded)) && Auxiliaries.Contains(tokens[i - 1].Term.Folded)) return true;
        var objectNext = ObjectNext(tokens, i);
        // "a reform that reshaped the economy", "kernels, which detect patterns": a relative clause's verb before its object.
        if (Relatives.Contains(tokens[i - 1].Term.Folded) && objectNext && !folded.EndsWith("ing", StringComparison.Ordinal) && (past || !IsPlural(folded)))
            return true;
        // "they master conservation": a base form after a plural pronoun, before its object.
        if (PluralPronouns.Contains(tokens[i - 1].Term.Folded) && objectNext && !past && !IsPlural(folded)
            && !folded.EndsWith("ing", StringComparison.Ordinal)) return true;
        // "these techniques help equalize the representation": a base form after "help", before its object.
        if (tokens[i - 1].Term.Folded is "help" or "helps" or "helped" && !past && !IsPlural(folded) && !folded.EndsWith("ing", StringComparison.Ordinal)
            && i + 1 < tokens.Count && !tokens[i + 1].Has(TokenFlags.ClauseBreakBefore)
            && (Determiners.Contains(tokens[i + 1].Term.Folded) || ObjectPronouns.Contains(tokens[i + 1].Term.Folded)))
            return true;
        if (tokens[i - 1].Term.IsStop) return false;
        if (AlwaysVerbs.Contains(folded)) return true;
        var last = i + 1 == tokens.Count || tokens[i + 1].Has(TokenFlags.ClauseBreakBefore);
        var next = last ? "" : tokens[i + 1].Term.Folded;
        // "Gorbachev loosened control", "the arms race raised tension": between a noun and its object, the verb.
        var nextIsVerb = !last && VerbStems.Contains(tokens[i + 1].Term.Stem);
        if (past) return last || tokens[i + 1].Term.IsStop || AfterNoun(tokens, i) && !nextIsVerb;
        // "range queries scan them", "its changes survive a crash": a base form after a plural, before its object. After
        // a subject's plural, also before an object that is a plural or opens with an adjective ("deeper layers capture
        // complex patterns") or before a particle ("the chromosomes line up"); not at the end of a clause ("the arms race,").
        if (!IsPlural(folded) && IsPlural(tokens[i - 1].Term.Folded) && !AfterSingularDeterminer(tokens, i - 1))
        {
            if (Determiners.Contains(next) || ObjectPronouns.Contains(next)) return true;
            var takesObject = Particles.Contains(next) || ObjectQuantifiers.Contains(next) || !last && !tokens[i + 1].Term.IsStop && !nextIsVerb
                && (IsPlural(next) || EndsLikeAnAdjective(next) || Adjectives.Contains(next) || MassObject(tokens, i + 1));
            if (takesObject && !folded.EndsWith("ing", StringComparison.Ordinal) && AfterNoun(tokens, i) && SubjectBefore(tokens, i)) return true;
        }
        // "the inner membrane pumps protons", "the memory management unit translates virtual addresses": after a
        // subject's noun phrase, before a plural or an adjective, an "-s" word is the verb between subject and object
        // (a compound does not stack two plurals: "the cell walls cells"; "hash tables map keys" stays a noun phrase).
        // "Ohm's law states that the current ...": a clause as its object.
        var clauseFollows = next == "that" && i + 2 < tokens.Count && Determiners.Contains(tokens[i + 2].Term.Folded);
        // "raising the policy rate slows spending": a gerund as its object, ending its phrase ("feature maps pooling
        // layers" is a list of terms).
        var gerundNext = next.Length > 5 && next.EndsWith("ing", StringComparison.Ordinal)
            && (i + 2 == tokens.Count || tokens[i + 2].Has(TokenFlags.ClauseBreakBefore) || tokens[i + 2].Term.IsStop);
        var objectFollows = Determiners.Contains(next) || clauseFollows || !last && !tokens[i + 1].Term.IsStop && SubjectBefore(tokens, i)
            && (gerundNext || !nextIsVerb && (IsPlural(next) || EndsLikeAnAdjective(next) || MassObject(tokens, i + 1)));
        return folded.EndsWith('s') && IsPlural(folded) && !tokens[i - 1].Term.Folded.EndsWith('s') && objectFollows;
    }

    /// <summary>
    /// "the star fuses helium into carbon": a singular noun alone before a preposition, as a mass noun stands as an object.
    /// Not before a determiner or at the clause's end, where it is more likely a verb itself ("vibrating ions scatter the
    /// electrons", "third-party rights intervene").
    /// </summary>
    private static bool MassObject(List<Token> tokens, int i) =>
        i + 1 < tokens.Count && !tokens[i + 1].Has(TokenFlags.ClauseBreakBefore) && Prepositions.Contains(tokens[i + 1].Term.Folded)
        && Classify(tokens, i) == WordClass.Noun && !IsPlural(tokens[i].Term.Folded) && !tokens[i].Has(TokenFlags.Acronym)
        && !IsPast(tokens[i].Term.Folded) && AfterNoun(tokens, i - 1);

    /// <summary>
    /// "the current through a conductor", "the primary and the secondary", "an alternating current.": a listed adjective
    /// that ends a phrase opened by a determiner or a preposition, with only describing words between, names a thing.
    /// After a verb it says something of one ("the data are large"), after a noun it is what a verb makes of it ("makes
    /// the model smaller"), and before another describing word it describes the noun they share ("the old and new values").
    /// </summary>
    private static bool EndsANounPhrase(List<Token> tokens, int i)
    {
        if (i + 1 < tokens.Count && !tokens[i + 1].Has(TokenFlags.ClauseBreakBefore) && !tokens[i + 1].Term.IsStop) return false;
        // "the old and new values", "a smaller, more compact model": coordinated, it still describes the noun after.
        if (i + 2 < tokens.Count && tokens[i + 1].Term.Folded is "and" or "or" && !tokens[i + 2].Term.IsStop) return false;
        if (i + 1 < tokens.Count && (tokens[i + 1].Term.Folded is "more" or "most" or "less" || Adjectives.Contains(tokens[i + 1].Term.Folded))) return false;
        for (var k = i - 1; k >= Math.Max(0, i - 3); k--)
        {
            if (tokens[k + 1].Has(TokenFlags.ClauseBreakBefore)) return false;
            var word = tokens[k].Term.Folded;
            if (Determiners.Contains(word) || Prepositions.Contains(word) || word == "with") return true;
            // "electrons carry current in", "it rectify alternating current": the object of a verb that takes one
            // ("generalize better" says how).
            if (TakesAnObject(tokens, k)) return !IsComparative(tokens[i].Term.Folded);
            // Only describing words between: after a noun it is what a verb makes of it ("to make the model smaller").
            var describes = Adjectives.Contains(word) || EndsLikeAnAdjective(word) || word.EndsWith("ing", StringComparison.Ordinal) || IsPast(word)
                            || Tokenizer.InHyphenatedWord(tokens, k);
            if (tokens[k].Term.IsStop || VerbStems.Contains(tokens[k].Term.Stem) || !describes) return false;
        }
        return false;
    }

    /// <summary>
    /// A listed verb other than a linking one ("the data become large"), or an unlisted word where only a verb stands
    /// (after "to", a modal or a pronoun: "lets it rectify").
    /// </summary>
    private static bool TakesAnObject(List<Token> tokens, int k)
    {
        var word = tokens[k].Term;
        if (word.IsStop || Auxiliaries.Contains(word.Folded)) return false;
        if (VerbStems.Contains(word.Stem)) return !ComplementVerbs.Contains(word.Stem);
        return k > 0 && !tokens[k].Has(TokenFlags.ClauseBreakBefore) && VerbPrompters.Contains(tokens[k - 1].Term.Folded) && tokens[k - 1].Term.Folded != "and";
    }

    private static bool IsComparative(string folded) =>
        folded is "better" or "best" or "worse" or "worst" || folded.EndsWith("er", StringComparison.Ordinal) || folded.EndsWith("est", StringComparison.Ordinal);

    /// <summary>Listed verbs whose adjective after them says how something is or becomes ("remain constant", "keep small").</summary>
    private static readonly HashSet<string> ComplementVerbs = new[] { "become", "remain", "stay", "seem", "appear", "fall", "grow", "turn", "go", "keep", "make", "get", "look" }
        .SelectMany(Inflections).Select(v => Terms.ForWord(v).Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// "identify and challenge negative thoughts", "ended monarchy and spread the ideas": after "and" or "or", a verb
    /// coordinated with a listed verb before, or one before its object's determiner. Not a gerund there, which names
    /// ("oversampling the minority class or undersampling the majority class"), nor a name or a plural.
    /// </summary>
    private static bool IsCoordinatedVerb(List<Token> tokens, int i, bool nextIsDeterminer, bool nextIsContent)
    {
        var folded = tokens[i].Term.Folded;
        // "upsamples the features and combines them": an object pronoun follows a verb only.
        if (i + 1 < tokens.Count && !tokens[i + 1].Has(TokenFlags.ClauseBreakBefore) && ObjectPronouns.Contains(tokens[i + 1].Term.Folded)) return true;
        if (tokens[i].Has(TokenFlags.Capitalised) || IsPlural(folded) || folded.EndsWith("ing", StringComparison.Ordinal)) return false;
        if (nextIsDeterminer) return true;
        return nextIsContent && i >= 2 && !tokens[i - 1].Has(TokenFlags.ClauseBreakBefore) && VerbStems.Contains(tokens[i - 2].Term.Stem)
               && !tokens[i - 2].Term.Folded.EndsWith("ing", StringComparison.Ordinal);
    }

    /// <summary>"four long-term causes", "two main sides": a number counts the plural after it, describing words between.</summary>
    private static bool Counted(List<Token> tokens, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 3); k--)
        {
            if (tokens[k + 1].Has(TokenFlags.ClauseBreakBefore) || tokens[k].Term.IsStop && !Quantities.Contains(tokens[k].Term.Folded)) return false;
            var word = tokens[k].Term.Folded;
            if (Quantities.Contains(word) || char.IsDigit(word[0])) return true;
            var describes = Tokenizer.InHyphenatedWord(tokens, k) || Adjectives.Contains(word)
                            || EndsLikeAnAdjective(word);
            if (!describes) return false;
        }
        return false;
    }

    /// <summary>"a series circuit", "a lens system": after "a" or "each", a word in "-s" is no plural subject.</summary>
    private static bool AfterSingularDeterminer(List<Token> tokens, int i) =>
        i > 0 && !tokens[i].Has(TokenFlags.ClauseBreakBefore) && tokens[i - 1].Term.Folded is "a" or "an" or "each" or "every" or "one";

    /// <summary>The word before is a noun of the same clause: neither a function word nor a listed verb, adverb or adjective.</summary>
    private static bool AfterNoun(List<Token> tokens, int i)
    {
        if (i == 0 || tokens[i].Has(TokenFlags.ClauseBreakBefore) || tokens[i].Has(TokenFlags.JoinedToPrevious)) return false;
        var previous = tokens[i - 1].Term;
        return !previous.IsStop && !VerbStems.Contains(previous.Stem) && !Adverbs.Contains(previous.Folded) && !IsLyAdverb(previous.Folded)
               && !Quantities.Contains(previous.Folded) && !Adjectives.Contains(previous.Folded) && !HasAdjectiveEnding(previous.Folded);
    }

    /// <summary>
    /// One to three content words of one clause before <paramref name="i"/>, opened by a determiner, by a conjunction
    /// ("while deeper layers capture") or by the clause itself.
    /// </summary>
    private static bool SubjectBefore(List<Token> tokens, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 4); k--)
        {
            var word = tokens[k].Term.Folded;
            if (tokens[k].Term.IsStop) return k < i - 1 && (Determiners.Contains(word) || Conjunctions.Contains(word));
            if (k == 0 || tokens[k].Has(TokenFlags.ClauseBreakBefore)) return true;
        }
        return false;
    }

    private static readonly HashSet<string> Ordinals = new(StringComparer.Ordinal) { "first", "second", "third", "next", "last" };

    private static readonly HashSet<string> LinkingVerbs = new(StringComparer.Ordinal)
    {
        "fell", "falls", "fall", "went", "goes", "remain", "remains", "remained", "stay", "stays", "stayed", "become", "becomes",
        "became", "seem", "seems", "seemed", "grew", "grows", "turned", "turns",
    };

    private static readonly HashSet<string> DegreeWords = new(StringComparer.Ordinal) { "more", "less", "most", "least", "very", "too", "so" };

    private static readonly HashSet<string> Subordinators = new(StringComparer.Ordinal) { "although", "though", "because", "whereas", "while", "unless" };

    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal)
    {
        "and", "but", "while", "whereas", "when", "because", "if", "so", "once", "where",
    };

    /// <summary>What may open a verb's object besides a determiner: "capture more high-level features".</summary>
    private static readonly HashSet<string> ObjectQuantifiers = new(StringComparer.Ordinal) { "more", "most", "many", "much", "all", "both", "several" };

    private static readonly HashSet<string> PluralPronouns = new(StringComparer.Ordinal) { "they", "we", "you", "i" };

    private static readonly HashSet<string> Relatives = new(StringComparer.Ordinal) { "that", "which", "who" };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "up", "down", "out", "off", "apart" };

    private static readonly HashSet<string> ObjectPronouns = new(StringComparer.Ordinal) { "it", "them", "him", "us", "me", "you" };

    /// <summary>
    /// "virtual", "reactive", "acidic", "dependent": endings of adjectives, read only as what may follow an "-s" verb.
    /// Wider than <see cref="HasAdjectiveEnding"/>, which makes a word a modifier: nouns ("signal", "agent") and a few
    /// verbs ("prevent", the caller rules out listed verbs first) end so too.
    /// </summary>
    private static bool EndsLikeAnAdjective(string folded) =>
        folded.Length > 4 && Array.Exists(AdjectiveSuffixes, e => folded.EndsWith(e, StringComparison.Ordinal));

    private static readonly string[] AdjectiveSuffixes = ["al", "ive", "ic", "ous", "able", "ible", "ful", "ent", "ant", "ary"];

    private static bool IsPlural(string folded) =>
        IrregularPlurals.Contains(folded)
        || folded.Length > 3 && folded.EndsWith('s') && !folded.EndsWith("ss", StringComparison.Ordinal) && !folded.EndsWith("us", StringComparison.Ordinal)
        && !folded.EndsWith("is", StringComparison.Ordinal) && !folded.EndsWith("'s", StringComparison.Ordinal);

    /// <summary>Plurals without an "-s", of everyday English and of the sciences' Latin and Greek: subjects like any other.</summary>
    private static readonly HashSet<string> IrregularPlurals = new(StringComparer.Ordinal)
    {
        "children", "people", "men", "women", "feet", "teeth", "mice", "geese", "oxen", "data", "criteria", "phenomena",
        "mitochondria", "bacteria", "media", "strata", "curricula", "memoranda", "genera", "corpora", "nuclei", "stimuli",
        "fungi", "cacti", "alumni", "loci", "radii", "foci", "larvae", "algae", "vertebrae", "formulae", "antennae", "nebulae",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal) { "is", "are", "was", "were", "be", "been", "being", "has", "have", "had" };

    /// <summary>
    /// Verbs whose base form is also their past, and irregular pasts: never a compound's head ("the receiver put
    /// segments", "the union broke").
    /// </summary>
    private static readonly HashSet<string> AlwaysVerbs = new(StringComparer.Ordinal)
    {
        "put", "let", "made", "kept", "sent", "told", "said", "became", "began", "brought", "came", "chose", "drove",
        "gave", "went", "grew", "knew", "led", "lost", "meant", "ran", "saw", "took", "wrote", "broke", "rose", "paid",
        "dealt", "held", "thought", "drew", "fought", "won", "sought", "struck", "threw", "bought", "caught", "taught",
        "sold", "felt", "fell", "spent", "fled", "bore", "spoke", "swept", "shook", "stole", "sank", "forbade", "overthrew",
        "done", "gone", "undergone", "begun", "arisen", "chosen", "broken", "spoken", "driven", "risen", "fallen", "stolen",
        "thrown", "drawn", "frozen", "forgotten", "hidden", "withdrawn", "overthrown",
    };

    /// <summary>Numbers and quantities count a thing and never name it: "one collision domain", "many hosts".</summary>
    private static readonly HashSet<string> Quantities = new(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "hundred", "thousand", "million", "billion", "many", "several", "few", "fewer", "both", "all", "half", "dozen",
    };

    private static bool IsLyAdverb(string folded) =>
        folded.Length > 4 && folded.EndsWith("ly", StringComparison.Ordinal) && !NotAdverbs.Contains(folded);

    private static bool HasAdjectiveEnding(string folded) =>
        folded.Length > 6 && (folded.EndsWith("ous", StringComparison.Ordinal) || folded.EndsWith("able", StringComparison.Ordinal)
                              || folded.EndsWith("ible", StringComparison.Ordinal) || folded.EndsWith("ful", StringComparison.Ordinal));

    /// <summary>Words after which a listed verb is used as a noun ("the map", "a record", "its cache").</summary>
    public static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "these", "those", "each", "every",
        "no", "any", "some", "one",
    };

    /// <summary>After these a listed verb is a noun ("in flight", "of control"), but its -ing form a verb ("by adding").</summary>
    /// <summary>
    /// Verb forms that are never a noun, whatever comes before them: "the FCN consists of", "challenges in object
    /// tracking include occlusion" (after a noun, other listed verbs may head a compound: "rent control").
    /// </summary>
    private static readonly HashSet<string> OnlyVerbs = new(StringComparer.Ordinal)
    {
        "consist", "consists", "include", "includes", "involve", "involves", "contain", "contains", "require", "requires",
        "become", "becomes", "seem", "seems", "belong", "belongs", "depend", "depends", "rely", "relies", "occur", "occurs",
        "enable", "enables", "ensure", "ensures", "allow", "allows", "refer", "refers",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal) { "of", "in", "on", "for", "by", "from", "into", "per" };

    /// <summary>Words after which a listed word is a verb even before a noun ("to send packets", "can limit data").</summary>
    private static readonly HashSet<string> VerbPrompters = new(StringComparer.Ordinal)
    {
        "to", "can", "cannot", "could", "may", "might", "must", "should", "will", "would", "does", "do", "did", "it",
        "they", "which", "that", "who", "then", "also", "first", "only", "not", "and",
    };

    private static readonly HashSet<string> NotAdverbs = new(StringComparer.Ordinal)
    {
        "family", "supply", "apply", "reply", "assembly", "anomaly", "monopoly", "oligopoly", "italy", "july", "butterfly",
        "jelly", "belly", "rally", "ally", "fly", "poly", "bully", "holy", "ugly", "early", "only",
    };

    private static readonly HashSet<string> Adverbs = new(StringComparer.Ordinal)
    {
        "forever", "instead", "twice", "thrice", "together", "again", "already", "always", "often", "sometimes",
        "never", "soon", "later", "still", "even", "almost", "rather", "quite", "perhaps", "maybe", "otherwise",
        "afterwards", "beforehand", "hence", "thereby", "therefore", "thus", "meanwhile", "nevertheless", "away",
        "inward", "outward", "upward", "downward", "back", "backwards", "ahead", "alone", "everywhere", "somewhere",
        "anywhere", "elsewhere", "every", "usually", "mostly", "else", "far", "ever", "enough", "less", "least",
        // Prepositions the stop list leaves in: they join phrases ("hosts behind NAT"), never name a thing.
        "behind", "per", "among", "amongst", "across", "beyond", "toward", "towards", "around", "along", "beside",
        "besides", "despite", "except", "inside", "outside", "onto", "unlike", "versus", "whereby", "amid", "like",
        // Conjunctions the stop list leaves in: they open a clause ("since IP may deliver", "unless ...").
        "since", "unless", "although", "though", "whilst",
    };

    /// <summary>Adjectives of any explanation: they describe; the noun they describe is the keyword.</summary>
    private static readonly HashSet<string> Adjectives = new(StringComparer.Ordinal)
    {
        "large", "larger", "largest", "small", "smaller", "smallest", "big", "bigger", "huge", "tiny", "available",
        "original", "suitable", "primary", "random", "abrupt", "visual", "different", "similar", "new", "old",
        "same", "certain", "particular", "whole", "entire", "full", "main", "major", "minor", "own", "real", "true",
        "false", "good", "bad", "best", "worse", "worst", "better", "high", "higher", "highest", "low", "lower",
        "lowest", "long", "longer", "short", "shorter", "simple", "complex", "easy", "hard", "difficult", "possible",
        "likely", "unlikely", "usual", "typical", "general", "specific", "various", "several", "many", "much",
        "more", "most", "few", "fewer", "other", "another", "such", "both", "whose", "additional", "further",
        "important", "necessary", "key", "common", "rare", "clear", "close", "closer", "open", "free", "heavy",
        "light", "strong", "weak", "fast", "faster", "slow", "slower", "quick", "early", "late", "recent",
        "current", "previous", "final", "initial", "total", "overall", "actual", "potential", "relevant", "proper",
        "appropriate", "efficient", "effective", "useful", "dedicated", "structural", "individual", "corresponding",
        "subsequent", "successive", "related", "unseen", "meaningful", "reasonable", "existing", "following",
        "greater", "smaller", "wider", "narrower", "bigger", "deeper", "shallower", "broader", "newer", "older",
    };

    /// <summary>
    /// General verbs of explanations in any field, as stems, so every inflection is known ("send", "sends",
    /// "sending", "sent" is listed apart). Subject verbs ("denature", "backpropagate") are left out on purpose.
    /// </summary>
    private static readonly HashSet<string> VerbStems = new[]
    {
        "accept", "achieve", "act", "add", "adjust", "affect", "aim", "allow", "answer", "appear", "apply", "arrive",
        "ask", "assign", "assume", "avoid", "become", "became", "begin", "began", "belong", "bring", "brought",
        "build", "built", "call", "carry", "cause", "change", "check", "choose", "chose", "come", "came", "compare",
        "compute", "consider", "consist", "contain", "continue", "convert", "create", "decide", "define", "deliver",
        "depend", "describe", "design", "determine", "develop", "differ", "divide", "double", "drive", "drove",
        "enable", "ensure", "establish", "explain", "express", "face", "fall", "fell", "find", "found", "follow",
        "form", "gain", "generate", "get", "give", "gave", "given", "go", "goes", "went", "gone", "grow", "grew",
        "grown", "handle", "happen", "help", "hold", "held", "identify", "improve", "include", "increase", "indicate",
        "involve", "keep", "kept", "know", "knew", "lead", "led", "learn", "leave", "left", "let", "limit", "look",
        "lose", "lost", "make", "made", "mean", "meant", "meet", "met", "move", "need", "obtain", "occur", "offer",
        "pass", "perform", "place", "play", "point", "prevent", "produce", "provide", "put", "reach", "read",
        "receive", "reduce", "refer", "reflect", "relate", "rely", "remain", "remove", "repeat", "replace",
        "represent", "require", "respond", "result", "return", "rewrite", "rewrote", "run", "ran", "save", "say",
        "said", "see", "saw", "seen", "seem", "send", "sent", "serve", "set", "show", "shown", "sit", "sat", "start",
        "stay", "stop", "suggest", "take", "took", "taken", "tell", "told", "tend", "think", "thought", "treat",
        "try", "turn", "understand", "understood", "use", "vary", "want", "work", "write", "wrote", "written",
        "yield", "mention", "list", "note", "matter", "enter", "exist", "stand", "stood", "retain", "preserve",
        "leverage", "utilize", "utilise", "facilitate", "promote", "emphasize", "emphasise", "summarize", "summarise",
        "introduce", "propose", "deal", "dealt", "attempt", "succeed", "fail", "struggle", "support", "enhance",
        "gather", "share", "suffer", "adapt", "update", "measure", "calculate", "extract", "eliminate", "mimic",
        "store", "address", "wait", "pick", "release", "roll", "break", "broke", "complicate", "rise", "rose",
        "exceed", "halve", "fit", "invite", "pay", "paid", "win",
    }.SelectMany(Inflections).Select(v => Terms.ForWord(v).Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>The stemmer does not always bring a form back to its base ("adding" stems to "ad"): list them all.</summary>
    private static IEnumerable<string> Inflections(string verb)
    {
        var stem = verb.EndsWith('e') ? verb[..^1] : verb;
        return [verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + verb[^1] + "ed", verb + verb[^1] + "ing"];
    }
}

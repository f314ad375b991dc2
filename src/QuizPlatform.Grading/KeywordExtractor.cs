using QuizPlatform.Grading.Meaning;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading;

/// <summary>
/// Finds the phrases a marker would look for in each model answer of an assignment. Candidates come from the
/// answer's structure (bullet heads, defined acronyms, named terms) and from runs of content words; they are ranked
/// by how salient their words are in this answer compared with the rest of the assignment and with general
/// English, and words that merely restate the question count for little. Stateless, so thread-safe; deterministic.
/// </summary>
public sealed class KeywordExtractor
{
    /// <summary>Most keywords extracted for one answer; long answers reach it, short ones get fewer.</summary>
    public int MaxKeywords { get; init; } = 15;

    /// <summary>
    /// Answers with more content words are read as noun phrases: a keyword names a thing ("sequence number", "stable
    /// storage"), never a verb, adverb or lone adjective. Shorter ones keep their verbs, which carry the point of a
    /// one-sentence answer ("the mass does not change"): reading only noun phrases from 21 words on cost SciEntsBank
    /// agreement (docs/grading.md). From 21 words they gain the noun phrases said once ("Krebs cycle") beside them, and
    /// a verb alone is no longer a keyword.
    /// </summary>
    public int ChunkedAnswerWords { get; init; } = 25;

    /// <summary>
    /// The model, when the caller has it: long answers then choose their keywords by maximal marginal relevance
    /// (KeyBERT), salience times closeness in context to the whole answer, less closeness to the phrases already
    /// chosen (<see cref="MeaningRanking"/>). Without it, extraction is by salience alone. Deterministic either way.
    /// </summary>
    public ITokenEncoder? Encoder { get; init; }

    public IReadOnlyList<IReadOnlyList<Keyword>> Extract(IReadOnlyList<QuestionText> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var answers = questions.Select(q => new ModelAnswerText(q.ModelAnswer ?? "")).ToList();
        var corpus = new CorpusStatistics(answers);
        var meanings = Encoder is null ? null : MeaningText.EncodeWhole(Encoder, answers.Select(a => a.Text).ToList());
        return questions.Select((q, i) => (IReadOnlyList<Keyword>)Extract(q.Prompt ?? "", q.ModelAnswer ?? "", answers[i], corpus, meanings?[i])).ToList();
    }

    private static readonly Grader PaddingCheck = new();

    private List<Keyword> Extract(string prompt, string modelAnswer, ModelAnswerText answer, CorpusStatistics corpus, MeaningText? meaning)
    {
        if (answer.IsShort) return Extract(prompt, answer, corpus, meaning, Reading.Words);
        var keywords = Extract(prompt, answer, corpus, meaning, answer.ContentWords <= ChunkedAnswerWords ? Reading.WordsAndNounPhrases : Reading.NounPhrases);
        // A bare enumeration of phrases ("latency constraints, and platform compatibility") reads to the padding rule
        // as one keyword per throwaway clause, and the model answer would not earn its own marks: word by word, it does.
        var own = PaddingCheck.Grade(PaddingCheck.Compile(prompt, keywords), modelAnswer);
        return own.Padding is null ? keywords : Extract(prompt, answer, corpus, meaning, Reading.Words);
    }

    private List<Keyword> Extract(string prompt, ModelAnswerText answer, CorpusStatistics corpus, MeaningText? meaning, Reading reading)
    {
        var question = Tokenizer.Tokenize(prompt);
        var promptStems = question.Where(t => !t.Term.IsStop).Select(t => t.Term.Canon).ToHashSet();
        // A short answer is all key: every content word counts. A long one is summarised by its most salient phrases.
        var shortAnswer = answer.IsShort;
        var candidates = new CandidateSet(answer, corpus);
        candidates.Collect(reading);
        var limit = shortAnswer ? MaxKeywords : Math.Clamp((int)Math.Round(LongAnswerKeywords * Math.Sqrt(answer.ContentWords)), 1, MaxKeywords);

        // In a short answer every word is looked for on its own: a phrase would demand the model's exact wording. Not
        // so a term with other spellings ("non-maximum suppression", NMS): split, its words would never match "NMS".
        // "CNN" in an assignment on CNNs, and "convolutional neural" said only inside it: the field's subject, said in most
        // answers, is what none of them is about.
        var subjects = shortAnswer ? [] : candidates.All.Where(c => !c.IsHead && corpus.IsSubject(c)).ToList();
        var names = candidates.All.Where(n => n.Boost > 1 && n.Surface.Any(char.IsUpper)).ToList();
        var namesSaid = names.Select(n => (Name: n, Tokens: TokensSaying(n.Surface, answer))).ToList();
        var ranked = candidates.All.Where(c => !shortAnswer || c.Terms.Length == 1 || c.Boost > 1 || c.Alternatives.Count > 0 || IsOneWord(c, answer))
            .Where(c => !subjects.Any(s => s == c || c.Words.Count > 0 && c.Words.All(s.Words.Contains)))
            .Where(c => !ExtendsAName(c, names, corpus) && !SaidOnlyInsideAName(c, namesSaid))
            .Select(c => (Candidate: c, Score: Score(c, promptStems, corpus, shortAnswer)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.FirstToken)
            // Keys are made of stem ids, which number stems in the order this process first met them: break ties by
            // the words themselves, or the same answer could give its keywords in another order in another process.
            .ThenBy(x => x.Candidate.Surface, StringComparer.Ordinal).ThenBy(x => x.Candidate.Key, StringComparer.Ordinal)
            .ToList();
        var chosen = Choose(ranked, limit, shortAnswer, reading == Reading.NounPhrases, shortAnswer || meaning is null ? null : new MeaningRanking(meaning, answer));
        if (!shortAnswer) NameWholeTerms(chosen, ranked, candidates, promptStems, corpus);
        // A one- or two-word answer, or one that only repeats the question, still needs a key: its own words.
        if (chosen.Count == 0)
            chosen = candidates.All.Where(c => c.Canons.Length == 1).OrderBy(c => c.FirstToken).Take(limit).Select(c => (c, 1.0)).ToList();
        if (chosen.Count == 0 && answer.Tokens.Count > 0)
            return [new Keyword(answer.Text.Trim(), [], 1)];

        if (!shortAnswer) chosen.AddRange(QuestionTerms(candidates, answer, question, prompt, chosen).Select(c => (c, 0.0)));
        var top = chosen.Max(x => x.Score);
        return chosen.OrderBy(x => x.Candidate.FirstToken)
            .Select(x => new Keyword(x.Candidate.Surface, x.Candidate.Alternatives, Math.Max(0.5, Math.Round(6 * x.Score / top) / 2)))
            .ToList();
    }

    private static List<(Candidate Candidate, double Score)> Choose(List<(Candidate Candidate, double Score)> ranked, int limit, bool shortAnswer, bool nounPhrases,
        MeaningRanking? ranking)
    {
        var chosen = new List<(Candidate Candidate, double Score)>();
        var covered = new HashSet<int>();
        var open = ranked.Where(x => shortAnswer || x.Score >= ranked[0].Score * 0.12).ToList();
        while (chosen.Count < limit && open.Count > 0)
        {
            var x = ranking?.Next(open, chosen) ?? open[0];
            open.Remove(x);
            // Words the chosen keywords already say are no new keyword, unless a plain compound names better a word chosen
            // alone ("sensorimotor stage" after "sensorimotor" and "concrete operational stage"), or in a long answer says
            // what none of them does ("conditioned response" after "conditioned stimulus" and "unconditioned response";
            // in shorter ones it cost SciEntsBank agreement).
            if (x.Candidate.Canons.All(covered.Contains) && !(IsCompound(x.Candidate) && (chosen.Any(c => c.Candidate.Canons is [var word] && x.Candidate.Canons.Contains(word))
                                                                                          || nounPhrases && x.Candidate.Terms.Length > 1 && !chosen.Any(c => x.Candidate.Canons.All(c.Candidate.Canons.Contains)))))
                continue;
            // "additional diverse samples" after "diverse samples" would ask for the same thing twice.
            if (chosen.Any(c => c.Candidate.Canons.Length > 1 && c.Candidate.Canons.All(x.Candidate.Canons.Contains))) continue;
            // "data streams" after "streams" names it better and takes its place; "damages are inadequate" leaves "damages".
            if (!x.Candidate.IsClause)
            {
                chosen.RemoveAll(c => c.Candidate.Canons.All(x.Candidate.Canons.Contains));
                covered.UnionWith(x.Candidate.Canons);
            }
            chosen.Add(x);
        }
        if (!shortAnswer) MergeParts(chosen, ranked, limit);
        return chosen;
    }

    /// <summary>
    /// "Faster R-CNN model" where the answer names "Faster R-CNN": a name and a word of any explanation or of most answers
    /// after it names nothing more, and a response would have to say that word too.
    /// </summary>
    private static bool ExtendsAName(Candidate c, List<Candidate> names, CorpusStatistics corpus) =>
        names.Any(n => n.Terms.Length < c.Terms.Length && c.Canons.Take(n.Canons.Length).SequenceEqual(n.Canons)
            && c.Terms.Skip(n.Terms.Length).All(corpus.SaysLittle));

    /// <summary>
    /// "Minority Over-sampling Technique" where the answer says it only inside "Synthetic Minority Over-sampling
    /// Technique (SMOTE)": a part of a name is no keyword beside it, which a response naming it would earn twice. The
    /// choice sees other parts by their words; this one keeps "over", which the name's key, made without function
    /// words, does not have.
    /// </summary>
    private static bool SaidOnlyInsideAName(Candidate c, List<(Candidate Name, HashSet<int> Tokens)> names) =>
        c.Words.Count > 0 && names.Any(n => !c.Canons.All(n.Name.Canons.Contains) && c.Words.All(n.Tokens.Contains));

    /// <summary>The answer's tokens where <paramref name="phrase"/> is said word for word.</summary>
    private static HashSet<int> TokensSaying(string phrase, ModelAnswerText answer)
    {
        var words = Tokenizer.Tokenize(phrase).Select(t => t.Term.Folded).ToArray();
        var tokens = answer.Tokens;
        var saying = new HashSet<int>();
        for (var start = 0; start + words.Length <= tokens.Count; start++)
            if (Enumerable.Range(0, words.Length).All(k => tokens[start + k].Term.Folded == words[k]))
                saying.UnionWith(Enumerable.Range(start, words.Length));
        return saying;
    }

    /// <summary>Content words side by side, no possessive or linking word inside: "sensory memory", not "client's number".</summary>
    private static bool IsCompound(Candidate c) =>
        Tokenizer.Tokenize(c.Surface) is var words && words.Count == c.Terms.Length
        && words.SkipLast(1).All(w => !w.Term.Folded.EndsWith("'s", StringComparison.Ordinal));

    /// <summary>
    /// "initial sequence" and "sequence number" chosen where the answer says "initial sequence number": the whole term
    /// is the keyword, and a part said only inside it gives its place ("slow start", said apart too, stays).
    /// </summary>
    private static void MergeParts(List<(Candidate Candidate, double Score)> chosen, List<(Candidate Candidate, double Score)> ranked, int limit)
    {
        foreach (var whole in ranked.Where(x => x.Candidate.Terms.Length > 1))
        {
            if (chosen.Any(c => c.Candidate == whole.Candidate)) continue;
            var parts = chosen.Where(c => c.Candidate.Canons.All(whole.Candidate.Canons.Contains)).ToList();
            if (parts.Count < 2 || !whole.Candidate.Canons.All(w => parts.Any(p => p.Candidate.Canons.Contains(w)))) continue;
            if (chosen.RemoveAll(c => parts.Contains(c) && c.Candidate.Count <= whole.Candidate.Count) == 0 && chosen.Count >= limit) continue;
            chosen.Add((whole.Candidate, parts.Max(p => p.Score)));
        }
    }

    /// <summary>
    /// "sensorimotor" chosen where the answer always says "sensorimotor stage": the head is a word of the question, of
    /// any explanation or of most answers ("rectify alternating current" in physics), so it weighed little, but the term
    /// is the whole, and an instructor lists it so.
    /// </summary>
    private static void NameWholeTerms(List<(Candidate Candidate, double Score)> chosen, List<(Candidate Candidate, double Score)> ranked, CandidateSet candidates,
        HashSet<int> promptStems, CorpusStatistics corpus)
    {
        for (var i = 0; i < chosen.Count; i++)
        {
            var part = chosen[i].Candidate;
            var whole = ranked.Select(x => x.Candidate).FirstOrDefault(o => o.Terms.Length == part.Terms.Length + 1 && o.Count == part.Count
                && o.Canons.Take(part.Terms.Length).SequenceEqual(part.Canons) && IsCompound(o) && o.Boost == 1
                && (promptStems.Contains(o.Canons[^1]) || corpus.SaysLittle(o.Terms[^1])));
            if (whole is not null && chosen.All(c => c.Candidate != whole)) chosen[i] = (whole, chosen[i].Score);
            else if (part.Terms.Length == 1 && SaidOnlyIn(part, ranked, candidates).Where(w => chosen.All(c => c.Candidate != w)).ToList() is [var first, .. var rest])
            {
                chosen[i] = (first, chosen[i].Score);
                chosen.AddRange(rest.Select(w => (w, chosen[i].Score)));
            }
            // "alternating voltage" chosen first: the word alone was then covered, and "alternating current" left out.
            else if (part.Terms.Length == 2 && ranked.FirstOrDefault(x => x.Candidate.Canons is [var word] && word == part.Canons[0]).Candidate is { } alone
                     && SaidOnlyIn(alone, ranked, candidates) is [_, _] wholes && wholes.Contains(part))
                chosen.AddRange(wholes.Where(w => chosen.All(c => c.Candidate != w)).Select(w => (w, chosen[i].Score)));
        }
    }

    /// <summary>
    /// "alternating", said only in "alternating current" and "alternating voltage": the compounds that account for
    /// every time the word is said, at most two; none where it is also said alone.
    /// </summary>
    private static List<Candidate> SaidOnlyIn(Candidate word, List<(Candidate Candidate, double Score)> ranked, CandidateSet candidates)
    {
        var wholes = ranked.Select(x => x.Candidate)
            .Where(o => o.Terms.Length == 2 && o.Canons[0] == word.Canons[0] && IsCompound(o) && o.Boost == 1 && !o.Denied)
            // Not a part of a longer term said as often ("Convolutional Neural" of "Convolutional Neural Networks").
            .Where(o => !candidates.All.Any(x => x.Terms.Length == 3 && x.Count >= o.Count && x.Canons.Take(2).SequenceEqual(o.Canons)))
            .OrderBy(o => o.FirstToken).ToList();
        return wholes.Count is 1 or 2 && wholes.Sum(o => o.Count) == word.Count ? wholes : [];
    }

    /// <summary>
    /// The things a question sets side by side, which a long answer explains one by one ("void or voidable", "sequence
    /// numbers and acknowledgements", "between active transport and passive transport"): an instructor lists each, so
    /// each is a keyword, at the least weight, since a response that only copies the question has them too. The
    /// question's one subject ("What is apoptosis?") is not: it is what every answer is about. Never a term the chosen
    /// keywords already cover, and only the whole term ("link-state routing", not "routing" beside it).
    /// </summary>
    private static IEnumerable<Candidate> QuestionTerms(CandidateSet candidates, ModelAnswerText answer, List<Token> question, string prompt,
        List<(Candidate Candidate, double Score)> chosen)
    {
        // A phrase that only links to the term ("key for symmetric encryption") does not say it as a term.
        var covered = chosen.Where(c => IsCompound(c.Candidate)).SelectMany(c => c.Candidate.Canons).ToHashSet();
        var restated = candidates.All
            .Where(c => !c.Denied && !c.Canons.All(covered.Contains) && NamesAThing(c, answer) && IsCoordinated(c, question, prompt))
            // A description ("impact of data augmentation") or a word of any explanation ("applications") is not a term;
            // "invitation to treat" is.
            .Where(c => Tokenizer.Tokenize(c.Surface).All(t => !t.Term.IsStop || t.Term.Folded == "to"))
            .Where(c => c.Terms.Length > 1 || !Lexicon.CommonWords.Contains(c.Terms[0].Folded) && !Lexicon.GeneralWords.Contains(c.Terms[0].Folded))
            .OrderBy(c => c.FirstToken)
            // "quantizing model" after "model quantization" is the same term in other words: the first said names it.
            .DistinctBy(c => string.Join(' ', c.Canons.Order())).ToList();
        return restated.Where(c => !restated.Any(o => o != c && o.Canons.Length > c.Canons.Length && c.Canons.All(o.Canons.Contains)))
            .Take(MaxQuestionTerms);
    }

    private const int MaxQuestionTerms = 4;

    /// <summary>
    /// A phrase said as a noun phrase where it is first said ("invitation to treat" too, a noun and its verb), or one
    /// the answer's structure names (a head, a term).
    /// </summary>
    private static bool NamesAThing(Candidate c, ModelAnswerText answer)
    {
        if (c.Words.Count < c.Terms.Length) return true;
        var nounAndVerb = c.Terms.Length == 2 && c.Surface.Contains(" to ", StringComparison.Ordinal);
        return (nounAndVerb || answer.Classes[c.Words[c.Terms.Length - 1]] == WordClass.Noun)
               && Enumerable.Range(0, c.Terms.Length - 1).All(k => answer.Classes[c.Words[k]] is WordClass.Noun or WordClass.Modifier);
    }

    /// <summary>
    /// Whether the question says the candidate's words together, as one of a coordination: "and", "or", "between",
    /// "versus" or a comma before it (after its determiners), or "and", "or" or a comma after it.
    /// </summary>
    private static bool IsCoordinated(Candidate c, List<Token> question, string prompt)
    {
        var canons = c.Canons.ToHashSet();
        if (!canons.IsSubsetOf(question.Select(t => t.Term.Canon))) return false;
        for (var first = 0; first < question.Count; first++)
        {
            if (question[first].Term.Canon != c.Canons[0]) continue;
            var last = first;
            // "invitation to treat": a function word inside the term; "link-state and distance-vector routing": a head both share.
            while (last + 1 < question.Count && (canons.Contains(question[last + 1].Term.Canon) || question[last + 1].Has(TokenFlags.JoinedToPrevious)
                       || question[last + 1].Term.IsStop && last + 2 < question.Count && canons.Contains(question[last + 2].Term.Canon))) last++;
            var before = first - 1;
            while (before >= 0 && WordClasses.Determiners.Contains(question[before].Term.Folded) && !question[before + 1].Has(TokenFlags.ClauseBreakBefore)) before--;
            var gapBefore = before < 0 ? "" : prompt[question[before].End..question[before + 1].Start];
            var gapAfter = last + 1 < question.Count ? prompt[question[last].End..question[last + 1].Start] : "";
            // A comma after it parts list items ("a hub, a switch"), not clauses ("What was the Industrial Revolution, and why").
            var listAfter = gapAfter.Contains(',', StringComparison.Ordinal) && question[last + 1].Term.Folded is not ("and" or "or" or "but");
            if (gapBefore.Contains(',', StringComparison.Ordinal) || listAfter) return true;
            if (before >= 0 && question[before].Term.Folded is "and" or "or" or "between" or "versus" or "vs") return true;
            if (last + 1 < question.Count && question[last + 1].Term.Folded is "and" or "or" && !gapAfter.Contains(',', StringComparison.Ordinal)
                && !(last + 2 < question.Count && question[last + 2].Term.Folded is "its" or "their" or "how" or "why" or "what" or "when" or "where" or "which" or "who")) return true;
        }
        return false;
    }

    /// <summary>A long answer keeps about this many keywords per √(content words).</summary>
    private const double LongAnswerKeywords = 2.25;

    /// <summary>Weight kept by a word that is already in the question.</summary>
    private const double PromptWordWeight = 0.3;

    /// <summary>Weight kept by a word of general English said once in a long answer (<see cref="CommonWordWeight"/>).</summary>
    private const double CommonWordWeightFactor = 0.5;

    /// <summary>Weight kept by a word common in any explanation ("use", "process"), when choosing among many.</summary>
    private const double GeneralWordWeight = 0.3;

    /// <summary>
    /// Salience of a phrase: rarity across the assignment's answers times distance from general English, with
    /// question words discounted. In a short answer every word is kept, so only the question discount applies.
    /// </summary>
    private static double Score(Candidate candidate, HashSet<int> promptStems, CorpusStatistics corpus, bool shortAnswer)
    {
        double sum = 0;
        // "CNN" in the question also restates "convolutional neural network" in the answer.
        var spelledInPrompt = candidate.Alternatives.Any(a => CandidateSet.Content(a).All(t => promptStems.Contains(t.Canon)));
        // In a long answer, a phrase that only restates the question is not worth a keyword of its own, unless the
        // answer is built on it ("- Hub: ..." answering "a hub, a switch and a router"): then it is not discounted.
        var discountQuestion = shortAnswer || !candidate.IsHead;
        if (!shortAnswer && discountQuestion && (spelledInPrompt || candidate.Canons.All(promptStems.Contains))) return 0;
        // A denial is the point of a short answer ("no vitamin C"); in a long one it mostly qualifies ("without human ...").
        if (!shortAnswer && candidate.Denied) return 0;
        // "Sarajevo in June": where and when something happened, not a thing an instructor lists ("9 November" may be).
        if (!shortAnswer && IsWhen(candidate)) return 0;
        // "parts", "applications", "students" alone: a word of any explanation names nothing in a long answer, nor in a
        // short one where the question asks with it ("Give examples.", "What is its role?").
        if (candidate is { Terms: [var only], Boost: 1 } && (Lexicon.GeneralWords.Contains(only.Folded) || Lexicon.GeneralWords.Contains(only.Stem))
            && (!shortAnswer || promptStems.Contains(only.Canon)))
            return 0;
        foreach (var term in candidate.Terms)
        {
            var general = Lexicon.GeneralWords.Contains(term.Folded) || Lexicon.GeneralWords.Contains(term.Stem) || IsAdverb(term.Folded);
            var salience = shortAnswer ? 1 : corpus.Idf(term.Canon) * (general ? GeneralWordWeight : CommonWordWeight(candidate, term));
            if (discountQuestion && (spelledInPrompt || promptStems.Contains(term.Canon))) salience *= PromptWordWeight;
            sum += salience;
        }
        // A word said again and again in its answer is its point, unless other answers say it too: then it is the
        // field's topic ("transactions", "router"), which repetition says nothing about.
        var topic = !shortAnswer && candidate.Terms.Length == 1 && corpus.Documents(candidate.Canons[0]) >= 2;
        var frequency = topic ? 1 : 1 + Math.Log(candidate.Count);
        return sum / Math.Sqrt(candidate.Terms.Length) * frequency * candidate.Boost;
    }

    /// <summary>
    /// A single word of general English ("water", "map", "problem") said once, and not a head or a name, is seldom
    /// the point of a long answer; said again, or inside a phrase ("data in flight"), it may well be.
    /// </summary>
    private static double CommonWordWeight(Candidate candidate, Term term) =>
        candidate.Terms.Length == 1 && candidate.Count < 2 && candidate.Boost == 1 && Lexicon.CommonWords.Contains(term.Folded) ? CommonWordWeightFactor : 1;

    /// <summary>"free-rider", "end-to-end": a hyphenated word is one word, in a short answer too.</summary>
    private static bool IsOneWord(Candidate c, ModelAnswerText answer) => c.Words.Count > 0 && answer.IsOneWord(c.Words[0], c.Terms.Length);

    /// <summary>
    /// A phrase that goes on to a month or a day through a linking word: "Sarajevo in June", "signed on Monday" (written
    /// with its capital, so "may" the verb is none).
    /// </summary>
    private static bool IsWhen(Candidate c) =>
        Tokenizer.Tokenize(c.Surface) is var words
        && Enumerable.Range(1, words.Count - 1).Any(i => words[i].Has(TokenFlags.Capitalised) && Lexicon.CalendarNames.Contains(words[i].Term.Folded)
                                                         && words[i - 1].Term.IsStop);

    /// <summary>"-ly" adverbs ("automatically", "significantly") qualify a statement rather than carry it.</summary>
    private static bool IsAdverb(string folded) => folded.Length > 5 && folded.EndsWith("ly", StringComparison.Ordinal);
}

/// <summary>Document frequencies of stems across the assignment's model answers.</summary>
internal sealed class CorpusStatistics
{
    private readonly Dictionary<int, int> documentFrequency = [];
    private readonly List<HashSet<int>> answerCanons;
    private readonly Dictionary<string, int> phraseFrequency = new(StringComparer.Ordinal);
    private readonly int documents;

    public CorpusStatistics(IReadOnlyList<ModelAnswerText> answers)
    {
        documents = answers.Count;
        answerCanons = answers.Select(a => a.Tokens.Select(t => t.Term.Canon).ToHashSet()).ToList();
        UsesLexicon = answers.SelectMany(CandidateSet.LexiconEntriesIn).Distinct().Skip(1).Any();
        foreach (var answer in answers)
            foreach (var canon in answer.Tokens.Where(t => !t.Term.IsStop).Select(t => t.Term.Canon).Distinct())
                documentFrequency[canon] = documentFrequency.GetValueOrDefault(canon) + 1;
        foreach (var answer in answers)
            foreach (var phrase in answer.PhraseKeys.Where(k => k.Contains(' ', StringComparison.Ordinal)))
                phraseFrequency[phrase] = phraseFrequency.GetValueOrDefault(phrase) + 1;
    }

    /// <summary>
    /// Whether the assignment is in the field of the built-in abbreviations: it uses at least two of them. Elsewhere
    /// an expansion's words mean something else ("look once" in a question on deadlocks is not YOLO).
    /// </summary>
    public bool UsesLexicon { get; }

    /// <summary>Whether more than half of eight or more answers say the candidate, in one of its spellings.</summary>
    public bool IsSubject(Candidate candidate) =>
        documents >= 8 && (IsSaidByMost(candidate.Canons) || candidate.Alternatives.Any(a => IsSaidByMost(CandidateSet.Content(a).Select(t => t.Canon).ToArray())));

    private bool IsSaidByMost(int[] canons) => answerCanons.Count(set => canons.All(set.Contains)) * 2 > documents;

    /// <summary>
    /// A word of any explanation ("model", "use") or the field's topic, used by more than half the answers ("current" in
    /// physics): at the end of a term it names nothing more than the term before it.
    /// </summary>
    public bool SaysLittle(Term term) => Lexicon.GeneralWords.Contains(term.Folded) || documents >= 4 && Documents(term.Canon) * 2 > documents;

    /// <summary>How many model answers use the word.</summary>
    public int Documents(int canon) => documentFrequency.GetValueOrDefault(canon);

    /// <summary>How many model answers use the phrase (a key of word ids): evidence that it is a term of the field.</summary>
    public int PhraseDocuments(string key) => phraseFrequency.GetValueOrDefault(key);

    /// <summary>Smoothed inverse document frequency: 1 for a word found only here, less for words in every answer.</summary>
    public double Idf(int canon) =>
        documents <= 1 ? 1 : Math.Log((documents + 1.0) / documentFrequency.GetValueOrDefault(canon, 1)) / Math.Log(documents + 1.0);
}

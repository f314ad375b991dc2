namespace QuizPlatform.Grading.Text;

/// <summary>
/// Built-in word lists. Kept small and general on purpose: they must hold for any subject an instructor teaches,
/// so only function words, negation, a few near-certain synonyms and the field's standard abbreviations.
/// </summary>
internal static class Lexicon
{
    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "either", "etc", "few", "for", "from", "further", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
        "in", "into", "is", "it", "it's", "its", "itself", "just", "may", "me", "might", "more", "most", "much",
        "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
        "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very",
        "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "within", "would", "you", "your", "yours", "yourself", "e", "g", "ie", "eg", "i.e", "via",
        "let", "lets", "get", "gets", "got", "whereas", "yet", "however", "therefore", "cannot", "without", "never",
        "don't", "doesn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't", "shouldn't",
        "wouldn't", "didn't", "hasn't", "haven't", "hadn't", "mustn't", "there's", "that's", "they're", "it'll",
    };

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "cannot", "without", "neither", "nor", "none", "nothing", "nobody", "lack", "lacks",
        "unable", "fails", "fail", "failed",
    };

    public static bool IsNegator(string folded) =>
        Negators.Contains(folded) || folded.EndsWith("n't", StringComparison.Ordinal);

    /// <summary>Words so common in any explanation that they say little about its content, whatever the subject.</summary>
    public static readonly HashSet<string> GeneralWords = new(StringComparer.Ordinal)
    {
        "use", "used", "using", "uses", "usage", "include", "includes", "including", "involve", "involves",
        "involving", "allow", "allows", "allowing", "enable", "enables", "enabling", "help", "helps", "make", "makes",
        "making", "made", "provide", "provides", "providing", "different", "various", "several", "many", "multiple",
        "specific", "specifically", "typically", "commonly", "common", "often", "important", "crucial", "key",
        "approach", "approaches", "technique", "techniques", "method", "methods", "way", "ways", "process",
        "processes", "concept", "role", "purpose", "benefit", "benefits", "advantage", "advantages", "example",
        "examples", "task", "tasks", "application", "applications", "applied", "apply", "applying", "term", "refers",
        "refer", "known", "called", "new", "well", "like", "one", "two", "three", "first", "second", "certain",
        "particular", "significantly", "significant", "better", "good", "high", "higher", "low", "lower", "able",
        "need", "needed", "require", "requires", "required", "based", "given", "within", "overall", "thing",
        "things", "part", "parts", "set", "number", "lead", "leads", "result", "results", "resulting", "effectively",
        "effective", "efficiently", "efficient", "various", "range", "even", "still", "however", "also", "often",
        "case", "cases", "help", "addition", "additional", "further", "possible", "potential", "ensure", "achieve",
        "perform", "performs", "performed", "performing", "work", "works", "working", "way", "type", "types",
        "kind", "kinds", "follows", "following", "step", "steps", "summarized", "essential", "useful", "main",
        "since", "already", "idea", "take", "takes", "taking", "fed", "feed", "component", "components", "workflow",
        "candidate", "move", "measure", "measured", "change", "changes", "early", "simple", "deep", "deeper",
        "calculate", "gain", "gained", "remain", "remains", "across", "introduce", "introduces", "complete",
        "element", "elements", "stage", "stages", "order", "know", "see", "show", "shows", "put", "interest",
        "start", "end", "last", "give", "gives", "mean", "means", "describe", "explain", "due", "thanks",
        "popular", "widely", "deal", "deals", "dealing", "ability", "abilities", "combine", "combining", "combined",
        "issue", "issues", "existence", "other", "others", "side", "sides",
        // The people any explanation speaks of ("historians name four causes", "patients learn"), not its subject.
        "people", "person", "persons", "individuals", "humans", "historians", "scientists", "researchers", "experts",
        "students", "children", "patients", "participants", "adults",
    };

    /// <summary>
    /// SCOWL's most common English words (common-words.txt, about 3,900 with their inflections): general English
    /// ("water", "problem", "map"). Many are also terms of some subject ("offer", "cell"), so they only weigh less.
    /// </summary>
    /// <summary>Months and days, capitalised in English but when something happened, not what it is ("in Sarajevo in June").</summary>
    public static readonly HashSet<string> CalendarNames = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    public static readonly HashSet<string> CommonWords = ReadWords("QuizPlatform.Grading.Text.common-words.txt");

    private static HashSet<string> ReadWords(string resource)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) words.Add(line);
        return words;
    }

    /// <summary>Groups of words a marker accepts for one another; the first word names the group.</summary>
    public static readonly string[] SynonymGroups =
    [
        "reduce decrease lower lessen diminish",
        "increase raise boost",
        "large big huge",
        "small little tiny",
        "fast quick rapid",
        "use utilize utilise employ",
        "image picture photo",
        "error mistake",
        "combine merge join",
        "remove eliminate",
        "select choose pick",
        "same identical",
        "enough sufficient",
        "begin start",
        "generate produce create",
    ];

    /// <summary>
    /// Irregular verbs, base form first: their other forms are inflections of it, which the stemmer cannot see ("froze",
    /// "frozen" of "freeze"). Left out are forms that are also other words of explanations: "left", "found", "bound",
    /// "felt", "thought", "saw", "lay", "wound", "ground", "bit", "shot", "spoke", "lead", "meant" (a "mean" is an average).
    /// </summary>
    public static readonly string[] IrregularVerbs =
    [
        "arise arose arisen", "become became", "begin began begun", "bend bent", "blow blew blown", "break broke broken",
        "breed bred", "bring brought", "build built", "buy bought", "catch caught", "choose chose chosen", "come came",
        "deal dealt", "dig dug", "draw drew drawn", "drink drank drunk", "drive drove driven", "eat ate eaten",
        "fall fell fallen", "feed fed", "fight fought", "flee fled", "fly flew flown", "forget forgot forgotten",
        "forgive forgave forgiven", "freeze froze frozen", "give gave given", "go went gone", "grow grew grown",
        "hang hung", "hide hid hidden", "hold held", "keep kept", "know knew known", "lend lent", "lose lost",
        "make made", "meet met", "overcome overcame", "pay paid", "ride rode ridden", "rise rose risen",
        "run ran", "say said", "see seen", "seek sought", "sell sold", "send sent", "shake shook shaken", "show shown",
        "shrink shrank shrunk", "sing sang sung", "sink sank sunk", "sleep slept", "slide slid", "speak spoken",
        "spend spent", "spin spun", "stand stood", "steal stole stolen", "stick stuck", "strike struck", "swear swore sworn",
        "sweep swept", "swim swam swum", "take took taken", "teach taught", "tear tore torn", "tell told", "throw threw thrown",
        "undergo underwent undergone", "understand understood", "undertake undertook undertaken", "wake woke woken",
        "wear wore worn", "weep wept", "win won", "withdraw withdrew withdrawn", "write wrote written",
    ];

    /// <summary>Abbreviations of the field with their expansions; matched in both directions.</summary>
    public static readonly (string Acronym, string[] Expansions)[] Abbreviations =
    [
        ("CNN", ["convolutional neural network", "ConvNet"]),
        ("RNN", ["recurrent neural network"]),
        ("LSTM", ["long short-term memory"]),
        ("GPU", ["graphics processing unit"]),
        ("TPU", ["tensor processing unit"]),
        ("CPU", ["central processing unit"]),
        ("OCR", ["optical character recognition"]),
        ("IoU", ["intersection over union"]),
        ("NMS", ["non-maximum suppression", "non-max suppression"]),
        ("GAN", ["generative adversarial network"]),
        ("SGD", ["stochastic gradient descent"]),
        ("NLP", ["natural language processing"]),
        ("ReLU", ["rectified linear unit"]),
        ("RPN", ["region proposal network"]),
        ("RoI", ["region of interest"]),
        ("SSD", ["single shot detector", "single shot multibox detector"]),
        ("YOLO", ["you only look once"]),
        ("FCN", ["fully convolutional network"]),
        ("MLP", ["multilayer perceptron", "multi-layer perceptron"]),
        ("SVM", ["support vector machine"]),
        ("PCA", ["principal component analysis"]),
        ("SMOTE", ["synthetic minority over-sampling technique"]),
        ("CUDA", ["compute unified device architecture"]),
        ("VAE", ["variational autoencoder"]),
        ("MSE", ["mean squared error"]),
        ("Grad-CAM", ["gradient-weighted class activation mapping"]),
        ("AI", ["artificial intelligence"]),
        ("ML", ["machine learning"]),
    ];

    // Declared after Abbreviations: static fields initialise in textual order.
    public static readonly HashSet<string> AcronymForms = new(
        Abbreviations.Select(a => a.Acronym.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)), StringComparer.Ordinal);
}

namespace QuizPlatform.Grading.Tests;

/// <summary>Each matching rule, on responses written for the seed's questions (number = seed question).</summary>
public class MatchingTests
{
    private static KeywordMatch Match(int question, string phrase, string response, params string[] alternatives)
    {
        var key = Seed.Grader.Compile(Seed.Question(question).Prompt, [new Keyword(phrase, alternatives, 1)]);
        return Seed.Grader.Grade(key, response).Keywords.Single();
    }

    /// <summary>The keyword graded with no question around it, so that no question word is discounted.</summary>
    private static KeywordMatch MatchAlone(string phrase, string response) =>
        Seed.Grader.Grade(Seed.Grader.Compile("", [new Keyword(phrase, [], 1)]), response).Keywords.Single();

    [Theory]
    [InlineData(16, "max pooling", "Each region is max pooled before the next layer.", MatchKind.Stem)]
    [InlineData(1, "convolutional layers", "Every convolutional layer applies its filters.", MatchKind.Stem)]
    [InlineData(2, "propagating the error gradient", "The error gradients are propagated backwards.", null)]
    [InlineData(4, "reduce overfitting", "Augmentation reduced overfitting a lot.", MatchKind.Stem)]
    [InlineData(10, "knowledge distillation", "Knowledge is distilled from the teacher.", MatchKind.Stem)]
    [InlineData(17, "class weighting", "We use class weights in the loss.", MatchKind.Stem)]
    // Irregular verbs: their past and participle are forms of one word, as "-ed" forms are.
    [InlineData(3, "frozen layers", "We freeze the early layers and fine-tune the rest.", MatchKind.Stem)]
    public void InflectionsMatchThroughStems(int question, string phrase, string response, MatchKind? how)
    {
        var match = Match(question, phrase, response);
        if (how is null) Assert.False(match.Matched); // words out of order and too far apart are not the phrase
        else Assert.Equal((true, how), (match.Matched, match.How));
    }

    [Theory]
    [InlineData("freeze", "The layers were frozen during fine-tuning.")]
    [InlineData("taken", "Training took two days.")]
    [InlineData("rises", "The loss rose after the learning rate was raised.")]
    [InlineData("grow", "The weights grew too large.")]
    [InlineData("chosen", "We chose the model with the lowest validation loss.")]
    [InlineData("written", "The results wrote themselves to disk.")]
    [InlineData("broken", "The symmetry breaks when weights start random.")]
    [InlineData("given", "The teacher gives soft labels.")]
    public void IrregularFormsOfAVerbMatchAsItsInflections(string keyword, string response)
    {
        var match = MatchAlone(keyword, response);
        Assert.Equal((true, MatchKind.Stem), (match.Matched, match.How));
    }

    [Theory]
    [InlineData("thoughts", "Negative automatic thought patterns are challenged.", true)] // "thought" is also a noun: left alone
    [InlineData("left", "The receiver leaves the window open.", false)] // "left" is also a side
    [InlineData("found", "We find the nearest box.", false)] // "found" is also a verb of its own
    [InlineData("upper bound", "The loss binds the weights.", false)]
    public void PastFormsThatAreAlsoOtherWordsStayApart(string keyword, string response, bool matched) =>
        Assert.Equal(matched, MatchAlone(keyword, response).Matched);

    [Theory]
    // A particle after a verb is part of what the keyword says: "switched on" is not "switched off".
    [InlineData("switched off", "The supply is switched on at night.", false)]
    [InlineData("switched off", "One appliance can be switched off alone.", true)]
    [InlineData("switched off", "You can switch one appliance off.", true)]
    [InlineData("given up", "The value of the best alternative that is given to you.", false)]
    [InlineData("given up", "The value of the next best alternative you give up.", true)]
    [InlineData("speeds up", "It slows down training.", false)]
    [InlineData("speeds up", "Momentum speeds convergence up a lot.", true)]
    // A preposition inside a keyword is not a particle: word order still carries it.
    [InlineData("change in price", "a change of the price", true)]
    public void AParticleAfterAVerbIsPartOfTheKeyword(string keyword, string response, bool matched) =>
        Assert.Equal(matched, MatchAlone(keyword, response).Matched);

    [Theory]
    [InlineData("over-fitting", "The model is under-fitting the data.", false)]
    [InlineData("over-sampling", "Under-sampling the majority class.", false)]
    [InlineData("over-fitting", "The model is overfitting the data.", true)]
    [InlineData("over-fitting", "The model is over fitting the data.", true)]
    [InlineData("end-to-end", "It is trained end to end.", true)]
    public void AFunctionWordInsideAHyphenatedKeywordIsPartOfIt(string keyword, string response, bool matched) =>
        Assert.Equal(matched, MatchAlone(keyword, response).Matched);

    [Theory]
    [InlineData(5, "R-CNN", "Faster RCNN adds a proposal network.")]
    [InlineData(5, "R-CNN", "Faster r cnn adds a proposal network.")]
    [InlineData(5, "R-CNN", "Faster R-CNN adds a proposal network.")]
    [InlineData(5, "RCNN", "Faster R-CNN adds a proposal network.")]
    [InlineData(5, "RCNN", "faster r cnn adds a proposal network")]
    [InlineData(38, "U-Net", "The UNet model has an encoder and a decoder.")]
    [InlineData(38, "U-Net", "The U Net model has an encoder and a decoder.")]
    [InlineData(41, "Grad-CAM", "GradCAM highlights the regions that matter.")]
    [InlineData(35, "non-maximum suppression", "Non maximum suppression removes duplicates.")]
    [InlineData(13, "TensorFlow", "Tensor-Flow has strong deployment tools.")]
    public void HyphenationAndPunctuationFold(int question, string phrase, string response) =>
        Assert.True(Match(question, phrase, response).Matched);

    [Theory]
    [InlineData(5, "RPN", "A region proposal network suggests boxes.")]
    [InlineData(5, "region proposal network", "The RPNs suggest candidate boxes.")]
    [InlineData(1, "CNN", "Convolutional neural networks learn filters.")]
    [InlineData(2, "recurrent neural network", "An RNN unrolls over time.")]
    [InlineData(14, "GPU", "Graphics processing units run many cores in parallel.")]
    [InlineData(8, "optical character recognition", "OCR turns scanned text into characters.")]
    [InlineData(7, "IoU", "Intersection over union measures the overlap.")]
    [InlineData(5, "non-maximum suppression", "NMS removes overlapping boxes.")]
    [InlineData(49, "generative adversarial networks", "GANs can fill in missing pixels.")]
    [InlineData(2, "SGD", "Stochastic gradient descent updates the weights.")]
    [InlineData(5, "YOLO", "You only look once is a single-stage detector.")]
    public void AcronymsAndExpansionsMatchBothWays(int question, string phrase, string response)
    {
        var match = Match(question, phrase, response);
        Assert.Equal((true, MatchKind.Acronym), (match.Matched, match.How));
    }

    [Fact]
    public void AlternativesOfAKeywordMatchAsSynonyms()
    {
        var match = Match(17, "Synthetic Minority Over-sampling Technique", "We applied SMOTE to the minority class.", "SMOTE");
        Assert.Equal((true, MatchKind.Synonym), (match.Matched, match.How));
    }

    [Theory]
    [InlineData(2, "backpropagation", "Backpropogation sends the error backwards.")]
    [InlineData(4, "augmentation", "Data augmentaton adds flipped copies.")]
    [InlineData(11, "quantization", "Quantisation stores weights in 8 bits.")]
    [InlineData(16, "pooling", "Poolling shrinks the feature maps.")]
    [InlineData(42, "adversarial", "Adverserial examples fool the model.")]
    public void TyposInLongWordsAreAccepted(int question, string phrase, string response)
    {
        var match = Match(question, phrase, response);
        Assert.Equal((true, MatchKind.Typo), (match.Matched, match.How));
    }

    [Theory]
    [InlineData(2, "loss", "The lose is computed at the end.")]
    [InlineData(39, "noise", "The model ignores nose in the pixels.")]
    [InlineData(1, "CNN", "An RNN reads the image.")]
    [InlineData(49, "GAN", "A GAM model fills the gaps.")]
    [InlineData(5, "SSD", "The SDD detector is fast.")]
    [InlineData(11, "precision", "A decision is made per layer.")]
    public void TyposInShortWordsAndAcronymsAreRejected(int question, string phrase, string response) =>
        Assert.False(Match(question, phrase, response).Matched);

    /// <summary>
    /// Long words whose stems are short and two edits apart are other words, not typos: walking an economics quiz,
    /// "inflation" was found as the keyword "inelastic" ("inflat" and "inelast").
    /// </summary>
    [Theory]
    [InlineData("inelastic", "Elasticity is when prices change every year because of inflation.")]
    [InlineData("conductor", "Its conductivity rises with temperature.")]
    public void WordsWhoseShortStemsAreTwoEditsApartAreNotTypos(string keyword, string response)
    {
        var key = Seed.Grader.Compile("", [new Keyword(keyword, [], 1)]);
        Assert.False(Seed.Grader.Grade(key, response).Keywords[0].Matched);
    }

    // Each pair shares a stem ("traning" and "tranings" both stem to "trane") but only the first is one edit from
    // the key word, so a typo result remembered per stem would let whichever is graded first decide for both.
    [Theory]
    [InlineData(10, "Both tranings of the student model took an hour.", "Traning the student model takes less time.")]
    [InlineData(10, "Traning the student model takes less time.", "Tranings the student model gets are short.")]
    [InlineData(16, "Max polings shrink the maps.", "Max poling shrinks the feature maps.")]
    [InlineData(16, "Max poling shrinks the feature maps.", "Max polings shrink the maps.")]
    public void TypoResultsDoNotDependOnEarlierResponses(int question, string earlier, string response)
    {
        static string Render(GradeResult r) => $"{r.Score}|{r.Coverage}|{r.Flags}|" +
            string.Join(";", r.Keywords.Select(k => $"{k.Keyword.Phrase}:{k.How}:{string.Join(",", k.Spans)}"));
        var shared = Seed.Key(question);
        Seed.Grader.Grade(shared, earlier);
        var afterEarlier = Render(Seed.Grader.Grade(shared, response));
        var alone = Render(Seed.Grader.Grade(Seed.Key(question), response));
        Assert.Equal(alone, afterEarlier);
    }

    [Fact]
    public void TypoResultsDoNotCarryOverBetweenGradersWithOtherTypoSettings()
    {
        var strict = new Grader(new GradingOptions { TwoTyposLength = 100 }); // one edit only, even in long words
        const string response = "Data agmentaton adds flipped copies."; // two edits from "augmentation"
        var shared = Seed.Grader.Compile(Seed.Question(4).Prompt, [new Keyword("augmentation", [], 1)]);
        Assert.True(Seed.Grader.Grade(shared, response).Keywords.Single().Matched);
        Assert.False(strict.Grade(shared, response).Keywords.Single().Matched);
    }

    [Theory]
    [InlineData("Data augmentation does not reduce overfitting.", false)]
    [InlineData("Data augmentation doesn't reduce overfitting.", false)]
    [InlineData("Data augmentation never reduces overfitting.", false)]
    [InlineData("It adds data without reducing overfitting.", false)]
    [InlineData("Data augmentation reduces overfitting.", true)]
    [InlineData("It not only reduces overfitting but also helps generalisation.", true)]
    [InlineData("It is not expensive, and it reduces overfitting.", true)]
    public void NegatedKeywordsAreNotEarned(string response, bool earned)
    {
        var match = Match(4, "reduce overfitting", response);
        Assert.Equal((earned, !earned), (match.Matched, match.Negated));
    }

    [Theory]
    [InlineData("Dropout does not reduce the training loss.", true)]
    [InlineData("Dropout lowers the training loss.", false)]
    [InlineData("Dropout never reduces the training loss.", true)]
    [InlineData("Dropout reduces the training loss.", false)]
    public void DeniedKeywordsAreEarnedOnlyByADenial(string response, bool earned)
    {
        var match = Match(4, "not reduce", response);
        Assert.Equal((earned, !earned), (match.Matched, match.Negated));
    }

    [Fact]
    public void ShortModelAnswersKeepWhatTheyDenyAsNegatedKeywords()
    {
        var keywords = new KeywordExtractor().Extract([new QuestionText("Does the fruit snap contain vitamin C?", "Fruitsnap does not change the color of indophenol.")]);
        Assert.Contains(keywords[0], k => k.Phrase == "not change");
    }

    [Fact]
    public void ADenialIsKeptOnTheWordItDeniesNotOnTheWordsAfterIt()
    {
        var keywords = new KeywordExtractor().Extract([new QuestionText("What is a market failure?", "A free market does not allocate resources efficiently.")]);
        Assert.Contains(keywords[0], k => k.Phrase == "not allocate");
        Assert.DoesNotContain(keywords[0], k => k.Phrase is "not resources" or "not efficiently");
    }

    [Theory]
    [InlineData("We use Faster R-CNN here.", "Faster R-CNN", "Faster R-CNN")]
    [InlineData("Models such as faster rcnn work.", "Faster R-CNN", "faster rcnn")]
    [InlineData("Pooling layers reduce the spatial size; max pooling keeps the peak.", "max pooling", "max pooling")]
    [InlineData("The network was max-pooled twice.", "max pooling", "max-pooled")]
    [InlineData("Ünïcode Convolutional  Layers here", "convolutional layers", "Convolutional  Layers")]
    public void SpansPointAtTheMatchedText(string response, string phrase, string expected)
    {
        var match = Match(5, phrase, response);
        var span = Assert.Single(match.Spans);
        Assert.Equal(expected, response.Substring(span.Start, span.Length));
    }
}

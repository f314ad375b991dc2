// Regrade requests on the results page: selecting words in one's answer (mouse, or keyboard with caret browsing)
// fills that question's request form with the words and their offsets in the answer text. The words are what the
// server checks (it finds them in the answer if the offsets are off); the text hidden for screen readers inside the
// highlighted keywords is not part of the answer, so it is left out of both. Without this script the student types
// the words. (The message the server puts on the page, request sent or refused, takes the focus: page-focus.js.)

/** The answer's own text of a fragment of its markup: without the visually hidden notes. */
function answerText(fragment) {
    for (const hidden of fragment.querySelectorAll('.visually-hidden'))
        hidden.remove();
    return fragment.textContent;
}

function fillFrom(selection) {
    if (selection.rangeCount === 0 || selection.isCollapsed)
        return;
    const range = selection.getRangeAt(0);
    const start = range.startContainer.parentElement ?? range.startContainer;
    const answer = start.closest?.('p.answer');
    if (!answer || !answer.contains(range.endContainer))
        return;
    const form = answer.closest('section')?.querySelector('details[open] [data-regrade-form]');
    const words = form?.querySelector('[data-regrade-words]');
    if (!words)
        return;

    const before = document.createRange();
    before.setStart(answer, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const offset = answerText(before.cloneContents()).length;
    const text = answerText(range.cloneContents());
    words.value = text.trim();
    form.querySelector('[data-regrade-start]').value = offset + (text.length - text.trimStart().length);
    form.querySelector('[data-regrade-length]').value = text.trim().length;
    const keywordKind = form.querySelector('[data-regrade-keyword-kind]');
    if (keywordKind)
        keywordKind.checked = true;
}

document.addEventListener('selectionchange', () => fillFrom(document.getSelection()));

// Typing changes the words: the reported offsets no longer describe them.
document.addEventListener('input', event => {
    if (!event.target.matches?.('[data-regrade-words]'))
        return;
    const form = event.target.closest('[data-regrade-form]');
    form.querySelector('[data-regrade-start]').value = '';
    form.querySelector('[data-regrade-length]').value = '';
});

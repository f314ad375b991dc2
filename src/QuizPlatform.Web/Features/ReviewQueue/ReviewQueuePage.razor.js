// A digit opens the override form on the server, which then moves the focus to its reason field: keys typed in
// between reach no field, and a teacher who typed the reason at once lost its first letters ("his answers question
// 3"). They are kept here, for the answer the digit was pressed on, and put in the reason field when it takes the focus.
export function keepReasonTypedEarly(root) {
    let early = null; // { gradeId, text }
    root.addEventListener("keydown", e => {
        const item = e.target;
        if (!item.classList?.contains("queue-item") || e.ctrlKey || e.altKey || e.metaKey)
            return;
        if (early?.gradeId !== item.dataset.gradeId)
            early = /^[0-9]$/.test(e.key) ? { gradeId: item.dataset.gradeId, text: "" } : null;
        else if (e.key.length === 1)
            early.text += e.key;
        else if (e.key === "Backspace")
            early.text = early.text.slice(0, -1);
        else if (e.key === "Escape")
            early = null;
    });
    root.addEventListener("focusin", e => {
        const reason = e.target;
        if (reason.id === "override-reason" && early?.text) {
            reason.value = early.text + reason.value;
            // The field is bound on change: the server gets the text even if nothing more is typed before Enter.
            reason.dispatchEvent(new Event("change", { bubbles: true }));
        }
        early = null;
    });
}

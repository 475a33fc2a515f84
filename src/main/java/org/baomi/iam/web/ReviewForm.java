package org.baomi.iam.web;

/** The office's review of a break-the-glass session, or the reason for revoking a grant. */
public class ReviewForm {

    private String verdict;
    private String comment;
    private boolean confirm;

    public String getVerdict() {
        return verdict;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public boolean isConfirm() {
        return confirm;
    }

    public void setConfirm(boolean confirm) {
        this.confirm = confirm;
    }
}

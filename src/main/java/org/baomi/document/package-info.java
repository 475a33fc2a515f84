/**
 * Classified documents (DOC-1..9, CLS-2..5): the register of received and dispatched documents (收发文登记) with
 * serial numbers, level and confidentiality period marks (密级★保密期限), custodian and storage place; the
 * history of every document; and circulation (传阅, DOC-5) from the custodian to named readers and back. Every
 * show, change and export is decided by the access decision point ({@link org.baomi.iam.AccessPolicy}), each
 * document being registered there as a protected object with its level, department, custodian and distribution.
 * Copies, excerpts and carrying out (DOC-3, DOC-4) exist only by approval (the approval engine), each copy numbered
 * and registered with its holder, returns tracked. Public API: {@link org.baomi.document.DocumentRegister},
 * {@link org.baomi.document.DocumentCirculation}, {@link org.baomi.document.DocumentCopies} and
 * {@link org.baomi.document.DocumentDeclassification} (CLS-4); the electronic file, encrypted in the vault (DOC-9) and
 * exported watermarked with a trace code, through {@link org.baomi.document.DocumentFiles}, and the paper forms
 * through {@link org.baomi.document.DocumentPrints}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "iam", "classification", "notification", "approval", "vault",
                "print"})
package org.baomi.document;

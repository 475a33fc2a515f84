/**
 * Classified documents (DOC-1..9, CLS-2..5): the register of received and dispatched documents (收发文登记) with
 * serial numbers, level and confidentiality period marks (密级★保密期限), custodian and storage place; the
 * history of every document; and circulation (传阅, DOC-5) from the custodian to named readers and back. Every
 * show, change and export is decided by the access decision point ({@link org.baomi.iam.AccessPolicy}), each
 * document being registered there as a protected object with its level, department, custodian and distribution.
 * Public API: {@link org.baomi.document.DocumentRegister} and {@link org.baomi.document.DocumentCirculation}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "iam", "classification", "notification"})
package org.baomi.document;

"""Electronic certificates: content, signing, issuance, verification and the PDF."""

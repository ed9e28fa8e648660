<?xml version="1.0" encoding="UTF-8"?>
<!-- Indexes MARC21 and RUSMARC titles and names, keyed by Koha's biblionumber or the control number. -->
<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:m="http://www.loc.gov/MARC21/slim"
                xmlns:z="http://indexdata.com/zebra-2.0" version="1.0">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/m:record">
    <xsl:variable name="biblionumber" select="normalize-space(m:datafield[@tag='999']/m:subfield[@code='c'])"/>
    <z:record>
      <xsl:attribute name="z:id">
        <xsl:choose>
          <xsl:when test="$biblionumber != ''">koha-<xsl:value-of select="$biblionumber"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(m:controlfield[@tag='001'])"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:for-each select="m:datafield[@tag='200' or @tag='245' or @tag='461']/m:subfield[@code='a' or @code='b' or @code='c' or @code='e']">
        <z:index name="title:w any:w"><xsl:value-of select="."/></z:index>
      </xsl:for-each>
      <xsl:for-each select="m:datafield[@tag='100' or @tag='700' or @tag='701']/m:subfield[@code='a' or @code='g']">
        <z:index name="author:w any:w"><xsl:value-of select="."/></z:index>
      </xsl:for-each>
    </z:record>
  </xsl:template>
</xsl:stylesheet>
